"""The agency directory (danh mục cơ quan): loader, validator and name resolver.

Pure Python (no Django). The data is ``hoinhap/agencies/data/agencies.yaml``; the Django app loads it
through :func:`load_directory` and the engines use the same object to normalise agency names::

    d = load_directory()
    d.resolve("Bộ trưởng Bộ Tài chính")          # -> Agency BTC
    d.resolve("UBND tỉnh Quảng Nam")             # -> Agency UBND_QUANGNAM (inactive)
    d.current(d.resolve("UBND tỉnh Quảng Nam"))  # -> Agency UBND_DANANG
    d.find_all(text)                             # -> [Mention(agency, surface, start, end), ...]

Matching works on a canonical form of the text: :func:`fold` (lower case, no diacritics, "đ" -> "d"),
runs of white space (line breaks included) as one space, every dash or "&" without the spaces around it.
Offsets of mentions are offsets into the text as given.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import yaml

from hoinhap.engines.text.normalize import fold, normalize

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "agencies" / "data" / "agencies.yaml"

KINDS = (
    "ministry",
    "ministerial_agency",
    "government_agency",
    "province",
    "people_committee",
    "people_council",
    "court",
    "procuracy",
    "audit",
    "front",
    "na_body",
    "office",
    "party_body",
    "other",
)
BODY_FLAGS = ("abolished_agency", "district_level")
BODY_KINDS = ("department", "district_level", "other")

__all__ = [
    "AbolishedBody",
    "Agency",
    "Directory",
    "DirectoryError",
    "Mention",
    "canonical",
    "load_directory",
    "validate",
]


class DirectoryError(ValueError):
    """The directory data is invalid; the message names the entry."""


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: str
    group: str
    parent: str | None
    aliases: tuple[str, ...]
    active: bool
    abolished: dt.date | None
    successor: str | None
    successor_note: str | None
    flag_abolished: bool
    source: str
    established: dt.date | None = None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class AbolishedBody:
    """A generic name of an abolished kind of body (e.g. "Sở Kế hoạch và Đầu tư", the district level)."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    abolished: dt.date | None
    successor: str
    successor_note: str | None
    flag: str
    source: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Mention:
    """One mention found by :meth:`Directory.find_all`; ``text[start:end] == surface``.

    ``agency`` is None for a generic abolished body; ``body`` then holds it.
    """

    agency: Agency | None
    surface: str
    start: int
    end: int
    body: AbolishedBody | None = None

    @property
    def name(self) -> str:
        return self.agency.name if self.agency is not None else self.body.name if self.body else self.surface


# --------------------------------------------------------------------------------------------- canonical form

_INVIS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SP = rf"[\s{_INVIS}]"
# Only what the canonical form changes: spaces around a dash or "&", other dashes, runs of white space,
# tabs and line breaks, invisible characters.
_RUN = re.compile(rf"{_SP}+[-&{_DASHES}]{_SP}*|[-&{_DASHES}]{_SP}+|[{_DASHES}]|{_SP}{_SP}+|[^\S ]|[{_INVIS}]")

_RARE = re.compile(rf"[^\S \n]|[{_INVIS}{_DASHES}]")


def _needs_runs(text: str) -> bool:
    """Cheap test: can _RUN match at all? (Most short paragraphs need no change.)"""
    return (
        "\n" in text
        or "  " in text
        or " -" in text
        or "- " in text
        or "&" in text
        or _RARE.search(text) is not None
    )


# fold() as a sequence table (str.translate is about twice as fast with a list than with a dict).
_FOLD_TABLE = [chr(i) for i in range(0x10000)]
for _cp in range(0x80, 0x2000):
    _FOLD_TABLE[_cp] = fold(chr(_cp)) if chr(_cp).lower() == chr(_cp) else chr(_cp)
del _cp


def _fast_fold(text: str) -> str:
    """Same result as :func:`fold`, faster."""
    return text.lower().translate(_FOLD_TABLE)


def _replacement(run: str) -> str:
    stripped = "".join(c for c in run if not c.isspace() and c not in _INVIS)
    if stripped:
        return "&" if "&" in stripped else "-"
    if all(c in _INVIS for c in run):
        return ""
    return " "


class _Canon:
    """Canonical form of a text with a map back to offsets in the original."""

    __slots__ = ("text", "identity", "_cpos", "_opos", "_f2o")

    def __init__(self, original: str):
        folded = _fast_fold(original)
        f2o: list[int] | None = None
        if len(folded) != len(original) or not unicodedata.is_normalized("NFC", original):
            folded, f2o = _fold_with_map(original)
        self._f2o = f2o
        pieces: list[str] = []
        cpos = [0]
        opos = [0]
        last = 0
        clen = 0
        runs = _RUN.finditer(folded) if _needs_runs(folded) else ()
        for m in runs:
            rep = _replacement(m.group())
            if rep == m.group():
                continue
            s, e = m.span()
            pieces.append(folded[last:s])
            clen += s - last
            cpos.append(clen)
            opos.append(s)
            pieces.append(rep)
            clen += len(rep)
            cpos.append(clen)
            opos.append(e)
            last = e
        if len(cpos) == 1:
            self.text = folded
        else:
            pieces.append(folded[last:])
            self.text = "".join(pieces)
        self._cpos = cpos
        self._opos = opos
        self.identity = f2o is None and len(cpos) == 1

    def orig(self, i: int) -> int:
        """Offset in the original of canonical position ``i`` (a character, not a boundary)."""
        if len(self._cpos) == 1:
            f = i
        else:
            k = bisect.bisect_right(self._cpos, i) - 1
            f = self._opos[k] + (i - self._cpos[k])
        if self._f2o is not None:
            return self._f2o[f]
        return f


def _fold_with_map(original: str) -> tuple[str, list[int]]:
    out: list[str] = []
    f2o: list[int] = []
    for i, ch in enumerate(original):
        f = fold(unicodedata.normalize("NFC", ch)) if not unicodedata.combining(ch) else ""
        out.append(f)
        f2o.extend([i] * len(f))
    f2o.append(len(original))
    return "".join(out), f2o


def canonical(text: str) -> str:
    """The canonical matching form of a name or text (folded, spaces and dashes normalised)."""
    return _Canon(text).text


_TRIM = " \t\r\n.,;:()[]{}\"'“”‘’«»*•-–—"


def _key(text: str) -> str:
    return canonical(normalize(text)).strip(_TRIM)


# ----------------------------------------------------------------------------------------------- match rules


@dataclass(frozen=True)
class _Variant:
    """How one spelling (name or alias) of a target must look in running text."""

    case_mask: tuple[tuple[int, bool], ...]  # canonical positions that must be upper (True) / lower (False)
    need_upper: bool  # the surface must contain an upper-case letter
    strict_edges: bool  # a lone abbreviation: not glued to "-", "/", "&" (document symbols like TT-BCT)
    weak: bool  # a territorial form ("tỉnh X", "TP.HCM"): not when it qualifies another body


_ABBREV_TOKEN_MIN_UPPER = 2


def _variant(spelling: str, weak: bool) -> tuple[str, _Variant]:
    spelling = normalize(spelling)
    canon = _Canon(spelling)
    key_full = canon.text
    lead = len(key_full) - len(key_full.lstrip(_TRIM))
    key = key_full.strip(_TRIM)
    abbrev_chars: set[int] = set()
    tokens = list(re.finditer(r"\S+", spelling))
    for tok in tokens:
        if sum(1 for c in tok.group() if c.isupper()) >= _ABBREV_TOKEN_MIN_UPPER:
            abbrev_chars.update(range(tok.start(), tok.end()))
    mask = []
    for ci in range(len(key)):
        oi = canon.orig(ci + lead)
        ch = spelling[oi]
        if oi in abbrev_chars and ch.isalpha():
            mask.append((ci, ch.isupper()))
    need_upper = not mask and any(c.isupper() for c in spelling)
    strict = len(tokens) == 1 and bool(mask)
    return key, _Variant(tuple(mask), need_upper, strict, weak)


_LIST_KINDS = ("ministry", "ministerial_agency", "government_agency")
_LIST_OPEN = re.compile(
    r"(?<![a-z0-9])cac bo(?:, ?(?:co quan ngang bo|co quan thuoc chinh phu|co quan|nganh|dia phuong))* ?: ?"
)
_LIST_SEP = re.compile(r" ?(?:,|;) ?(?:va )?| va ")

_EDGE_GLUE = "-/&_\u2010\u2011\u2013"

# A territorial form right after the name of a body is the seat of that body, not the People's Committee
# ("Công an tỉnh X", "Sở Tài chính tỉnh X").
_QUALIFIER_HEADS = [
    "sở",
    "công an",
    "cục",
    "chi cục",
    "kho bạc",
    "tòa án",
    "viện kiểm sát",
    "bộ chỉ huy",
    "bộ đội",
    "đài phát thanh",
    "đài truyền hình",
    "thanh tra",
    "ban",
    "văn phòng",
    "báo",
    "hội",
    "hiệp hội",
    "liên đoàn",
    "liên minh",
    "bệnh viện",
    "trường",
    "đại học",
    "học viện",
    "bảo hiểm xã hội",
    "ngân hàng",
    "quỹ",
    "trung tâm",
    "cảnh sát",
    "hải quan",
    "tỉnh ủy",
    "thành ủy",
    "tỉnh đoàn",
    "thành đoàn",
    "đảng bộ",
    "ủy ban mặt trận",
    "ủy ban kiểm tra",
    "đoàn",
    "kiểm toán",
    "công ty",
    "tổng công ty",
    "điện lực",
    "bưu điện",
]
_HEADS = [tuple(fold(h).split()) for h in _QUALIFIER_HEADS]
_FUNCTION_WORDS = {
    "tại",
    "ở",
    "với",
    "cho",
    "của",
    "đã",
    "đang",
    "sẽ",
    "làm",
    "việc",
    "về",
    "đến",
    "từ",
    "trên",
    "là",
    "được",
    "có",
    "theo",
    "thuộc",
    "giao",
    "gửi",
    "các",
    "nhân",
    "trong",
    "ngoài",
    "như",
    "đối",
    "này",
    "đó",
    "khi",
    "để",
    "thì",
    "mà",
}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _is_qualified(text: str, start: int) -> bool:
    """True if the words just before ``start`` name a body of which the territorial form is the seat
    ("Công an tỉnh X", "Sở Tài nguyên và Môi trường tỉnh X"), not when a clause mentions the province
    ("Bộ Tài chính hướng dẫn tỉnh X", "làm việc với tỉnh X")."""
    before = text[max(0, start - 120) : start]
    if not before or not before[-1].isspace():
        return False
    # Only the current clause: stop at punctuation.
    tail_from = max(before.rfind(p) for p in ',;:.()\n"“”')
    words = [w.group() for w in _WORD.finditer(before, tail_from + 1)][-9:]
    folded = [fold(w) for w in words]
    for i in range(len(words) - 1, -1, -1):
        if normalize(words[i]).lower() in _FUNCTION_WORDS:
            return False
        if not words[i][0].isupper():
            continue
        for head in _HEADS:
            if tuple(folded[i : i + len(head)]) == head:
                return head != ("so",) or normalize(words[i]).lower() == "sở"
    return False


# ------------------------------------------------------------------------------------------------- the directory

_TITLE = re.compile(
    r"^(?:(?:quyen|pho|nguyen|tan|cac|dong chi|cac dong chi)\s+)*"
    r"(?:bo truong|thu truong|chu tich|lanh dao|chu nhiem|chanh an|vien truong|tong kiem toan nha nuoc|"
    r"tong kiem toan|tong thanh tra chinh phu|tong thanh tra|thong doc|chanh van phong|giam doc|truong ban|"
    r"tong giam doc|dai dien|dong chi|cac|co quan)\b[\s,;:\-]*"
)


@dataclass
class _KeyInfo:
    key: str
    stop: bool
    # (target, variants); target is an Agency or an AbolishedBody
    targets: list[tuple[object, list[_Variant]]]
    klen: int = 0
    single: tuple[object, _Variant] | None = None  # the common case: one target, one spelling


def _date(value, where: str, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DirectoryError(f"{where}: {field} must be an ISO date (YYYY-MM-DD), got {value!r}")


def _valid_on(a: Agency, on: dt.date) -> bool:
    return (a.established is None or a.established <= on) and (a.abolished is None or on < a.abolished)


class Directory:
    """The loaded directory. Build it with :func:`load_directory`."""

    def __init__(self, data: dict, path: Path | None = None):
        self.path = path
        if not isinstance(data, dict):
            raise DirectoryError(f"{path}: the top level must be a mapping with 'agencies:'")
        unknown = set(data) - {"source", "agencies", "abolished_bodies", "stop_phrases"}
        if unknown:
            raise DirectoryError(f"{path}: unknown top-level key(s) {sorted(unknown)}")
        if not isinstance(data.get("agencies"), list) or not data["agencies"]:
            raise DirectoryError(f"{path}: 'agencies' must be a non-empty list")
        self.sources: list[str] = [str(s) for s in data.get("source") or []]
        self.agencies: list[Agency] = [self._agency(i, e) for i, e in enumerate(data.get("agencies") or [])]
        self.abolished_bodies: list[AbolishedBody] = [
            self._body(i, e) for i, e in enumerate(data.get("abolished_bodies") or [])
        ]
        self.stop_phrases: tuple[str, ...] = tuple(str(s) for s in data.get("stop_phrases") or [])
        self._by_code: dict[str, Agency] = {}
        for a in self.agencies:
            if a.code in self._by_code:
                raise DirectoryError(f"agency {a.code!r} ({a.name}): code is used twice")
            self._by_code[a.code] = a
        self.validate()
        self._build_index()

    # ---------------------------------------------------------------- parsing

    @staticmethod
    def _agency(i: int, e: dict) -> Agency:
        where = f"agencies[{i}]"
        if not isinstance(e, dict):
            raise DirectoryError(f"{where}: an entry must be a mapping, got {e!r}")
        if e.get("code"):
            where += f" (code {e.get('code')})"
        for req in ("code", "name", "kind", "group", "source"):
            if not isinstance(e.get(req), str) or not e.get(req).strip():
                raise DirectoryError(f"{where}: '{req}' is required and must be a non-empty string")
        unknown = set(e) - {
            "code",
            "name",
            "kind",
            "group",
            "parent",
            "aliases",
            "active",
            "established",
            "abolished",
            "successor",
            "successor_note",
            "flag_abolished",
            "source",
        }
        if unknown:
            raise DirectoryError(f"{where}: unknown key(s) {sorted(unknown)}")
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(x, str) and x.strip() for x in aliases):
            raise DirectoryError(f"{where}: 'aliases' must be a list of non-empty strings")
        active = e.get("active", True)
        if not isinstance(active, bool):
            raise DirectoryError(f"{where}: 'active' must be true or false")
        flag = e.get("flag_abolished", False)
        if not isinstance(flag, bool):
            raise DirectoryError(f"{where}: 'flag_abolished' must be true or false")
        for opt in ("parent", "successor", "successor_note"):
            if e.get(opt) is not None and not isinstance(e.get(opt), str):
                raise DirectoryError(f"{where}: '{opt}' must be a string or null")
        return Agency(
            code=e["code"],
            name=e["name"],
            kind=e["kind"],
            group=e["group"],
            parent=e.get("parent"),
            aliases=tuple(aliases),
            active=active,
            abolished=_date(e.get("abolished"), where, "abolished"),
            successor=e.get("successor"),
            successor_note=e.get("successor_note"),
            flag_abolished=flag,
            source=e["source"],
            established=_date(e.get("established"), where, "established"),
        )

    @staticmethod
    def _body(i: int, e: dict) -> AbolishedBody:
        where = f"abolished_bodies[{i}]"
        if not isinstance(e, dict):
            raise DirectoryError(f"{where}: an entry must be a mapping")
        if e.get("name"):
            where += f" ({e.get('name')})"
        for req in ("name", "successor", "flag", "source"):
            if not isinstance(e.get(req), str) or not e.get(req).strip():
                raise DirectoryError(f"{where}: '{req}' is required and must be a non-empty string")
        if e["flag"] not in BODY_FLAGS:
            raise DirectoryError(f"{where}: flag must be one of {BODY_FLAGS}, got {e['flag']!r}")
        kind = e.get("kind") or "other"
        if kind not in BODY_KINDS:
            raise DirectoryError(f"{where}: kind must be one of {BODY_KINDS}, got {kind!r}")
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(x, str) and x.strip() for x in aliases):
            raise DirectoryError(f"{where}: 'aliases' must be a list of non-empty strings")
        return AbolishedBody(
            name=e["name"],
            aliases=tuple(aliases),
            kind=kind,
            abolished=_date(e.get("abolished"), where, "abolished"),
            successor=e["successor"],
            successor_note=e.get("successor_note"),
            flag=e["flag"],
            source=e["source"],
        )

    # ---------------------------------------------------------------- validation

    def validate(self) -> None:
        """Check the data; raise :class:`DirectoryError` naming the first faulty entry."""
        codes = self._by_code
        code_re = re.compile(r"^[A-Z][A-Z0-9_]*$")
        for a in self.agencies:
            where = f"agency {a.code!r} ({a.name})"
            if not code_re.match(a.code):
                raise DirectoryError(f"{where}: code must be ASCII upper case, digits and '_'")
            if a.kind not in KINDS:
                raise DirectoryError(f"{where}: kind {a.kind!r} is not one of {', '.join(KINDS)}")
            for label, value in [("name", a.name), ("group", a.group), *[("alias", x) for x in a.aliases]]:
                if value != value.strip() or "  " in value:
                    raise DirectoryError(f"{where}: {label} {value!r} has stray spaces")
                if value != normalize(value):
                    raise DirectoryError(
                        f"{where}: {label} {value!r} is not in NFC with the 'hóa/thủy' tone convention "
                        f"(expected {normalize(value)!r})"
                    )
            if a.parent is not None and a.parent not in codes:
                raise DirectoryError(f"{where}: parent {a.parent!r} does not exist")
            if a.parent == a.code:
                raise DirectoryError(f"{where}: is its own parent")
            if a.kind in ("people_committee", "people_council"):
                if a.parent is None or codes[a.parent].kind != "province":
                    raise DirectoryError(f"{where}: the parent of a UBND/HĐND must be a province")
            if a.active:
                if a.abolished or a.successor:
                    raise DirectoryError(f"{where}: an active body has no 'abolished' date or 'successor'")
                if a.flag_abolished:
                    raise DirectoryError(f"{where}: flag_abolished is only for inactive bodies")
            else:
                if a.abolished is None:
                    raise DirectoryError(f"{where}: an inactive body needs the date it was 'abolished'")
                if a.successor is None:
                    raise DirectoryError(f"{where}: an inactive body needs a 'successor'")
            if a.successor is not None and a.successor not in codes:
                raise DirectoryError(f"{where}: successor {a.successor!r} does not exist")
            if a.established and a.abolished and a.established >= a.abolished:
                raise DirectoryError(
                    f"{where}: established {a.established} is not before abolished {a.abolished}"
                )
            # The successor chain ends at an active body, without loops.
            seen = {a.code}
            cur = a
            while not cur.active:
                nxt = codes[cur.successor]
                if nxt.code in seen:
                    raise DirectoryError(f"{where}: the successor chain loops at {nxt.code!r}")
                seen.add(nxt.code)
                cur = nxt
        for b in self.abolished_bodies:
            where = f"abolished body {b.name!r}"
            for value in (b.name, *b.aliases):
                if value != normalize(value) or value != value.strip():
                    raise DirectoryError(
                        f"{where}: {value!r} is not normalised (NFC, 'hóa/thủy', no stray spaces)"
                    )
        self._check_names()

    def _spellings(self) -> Iterable[tuple[object, str, bool]]:
        """(target, spelling, weak) for every name and alias; stop phrases have target None."""
        for a in self.agencies:
            for s in (a.name, *a.aliases):
                weak = a.kind == "people_committee" and not fold(s).startswith(("uy ban nhan dan", "ubnd"))
                yield a, s, weak
        for b in self.abolished_bodies:
            for s in (b.name, *b.aliases):
                yield b, s, False
        for s in self.stop_phrases:
            yield None, s, False

    def _check_names(self) -> None:
        owners: dict[str, list[object]] = {}
        for target, spelling, _weak in self._spellings():
            key = _key(spelling)
            if not key:
                raise DirectoryError(f"{_label(target)}: spelling {spelling!r} is empty after normalisation")
            lst = owners.setdefault(key, [])
            if not any(t is target for t in lst):
                lst.append(target)
        for key, lst in owners.items():
            if len(lst) < 2:
                continue
            agencies = [t for t in lst if isinstance(t, Agency)]
            if len(agencies) != len(lst):
                raise DirectoryError(
                    f"the name {key!r} is claimed by {', '.join(_label(t) for t in lst)}: "
                    "an abolished body or stop phrase may not share a name with another entry"
                )
            kept = _drop_provinces(agencies)
            for i, x in enumerate(kept):
                for y in kept[i + 1 :]:
                    if not _disjoint(x, y):
                        raise DirectoryError(
                            f"the name {key!r} is claimed by agency {x.code!r} and agency {y.code!r} whose "
                            "periods overlap (give them 'established'/'abolished' dates that do not overlap, "
                            "or remove the alias from one)"
                        )

    # ---------------------------------------------------------------- index

    def _build_index(self) -> None:
        infos: dict[str, _KeyInfo] = {}
        for target, spelling, weak in self._spellings():
            key, variant = _variant(spelling, weak)
            info = infos.get(key)
            if info is None:
                info = infos[key] = _KeyInfo(key, target is None, [])
            for t, variants in info.targets:
                if t is target:
                    variants.append(variant)
                    break
            else:
                info.targets.append((target, [variant]))
        for info in infos.values():
            agencies = [t for t, _ in info.targets if isinstance(t, Agency)]
            if len(agencies) > 1:
                keep = _drop_provinces(agencies)
                info.targets = [(t, v) for t, v in info.targets if not isinstance(t, Agency) or t in keep]
        for info in infos.values():
            info.klen = len(info.key)
            if len(info.targets) == 1 and len(info.targets[0][1]) == 1:
                target, variants = info.targets[0]
                info.single = (True if info.stop else target, variants[0])
        self._infos = infos
        auto = ahocorasick.Automaton()
        for key, info in infos.items():
            auto.add_word(key, info)
        auto.make_automaton()
        self._automaton = auto
        # Resolve-only short forms: "Tài chính" -> Bộ Tài chính, "Lai Châu" -> UBND tỉnh Lai Châu.
        short: dict[str, list[Agency]] = {}
        for a in self.agencies:
            forms = []
            if a.kind == "ministry" and fold(a.name).startswith("bo "):
                forms.append(a.name[3:])
            if a.kind in ("people_committee",):
                prov = self._by_code[a.parent]
                for prefix in ("Tỉnh ", "Thành phố "):
                    if prov.name.startswith(prefix):
                        forms.append(prov.name[len(prefix) :])
            for f in forms:
                k = _key(f)
                if k not in infos:
                    short.setdefault(k, []).append(a)
        self._short = {k: v for k, v in short.items() if len(v) == 1 or _all_disjoint(v)}
        # Items of a list of ministries: the names and "Bộ ..." aliases without "Bộ".
        items: dict[str, list[tuple[Agency, _Variant]]] = {}
        for a in self.agencies:
            if a.kind not in _LIST_KINDS:
                continue
            for spelling in (a.name, *a.aliases):
                if fold(spelling).startswith("bo "):
                    spelling = spelling[3:]
                if len(spelling) < 2:
                    continue
                key, variant = _variant(spelling, False)
                items.setdefault(key, []).append((a, variant))
        by_first: dict[str, list[tuple[str, list[tuple[Agency, _Variant]]]]] = {}
        for key, entries in sorted(items.items(), key=lambda kv: -len(kv[0])):
            by_first.setdefault(_first_word(key), []).append((key, entries))
        self._list_keys = by_first

    # ---------------------------------------------------------------- API

    def by_code(self, code: str) -> Agency | None:
        return self._by_code.get(code)

    def children(self, code: str) -> list[Agency]:
        return [a for a in self.agencies if a.parent == code]

    def current(self, agency: Agency | str) -> Agency:
        """Follow successor links to the body that is active today."""
        a = self._by_code[agency] if isinstance(agency, str) else agency
        seen = set()
        while not a.active and a.successor and a.code not in seen:
            seen.add(a.code)
            a = self._by_code[a.successor]
        return a

    def resolve(self, text: str | None, on: dt.date | None = None) -> Agency | None:
        """The agency a name or abbreviation refers to, as named (possibly inactive), or None.

        Leading titles ("Bộ trưởng", "Thủ trưởng", "Chủ tịch", "Lãnh đạo", "Quyền Bộ trưởng"...) are
        stripped; "tỉnh X", "UBND tỉnh X" and a bare "X" give the People's Committee of X. ``on`` (the
        date of the text) chooses between bodies that bore the same name at different times.
        """
        if not text or not text.strip():
            return None
        t = normalize(text).strip()
        for _ in range(6):
            hit = self._lookup_forms(_key(t), on)
            if hit is not None:
                return hit
            m = _TITLE.match(fold(t))
            if not m or not m.group().strip() or m.end() >= len(t):
                break
            t = t[m.end() :].strip()
        mentions = self.find_all(t, on=on)
        if mentions and mentions[0].agency is not None and not t[: mentions[0].start].strip(_TRIM):
            return mentions[0].agency
        return None

    def _lookup_forms(self, key: str, on: dt.date | None) -> Agency | None:
        hit = self._lookup(key, on)
        if hit is not None:
            return hit
        cands = self._short.get(key)
        if cands:
            return _pick(cands, on)
        for prefix in ("bo ", "uy ban nhan dan tinh ", "uy ban nhan dan thanh pho "):
            hit = self._lookup(prefix + key, on)
            if hit is not None:
                return hit
        return None

    def _lookup(self, key: str, on: dt.date | None) -> Agency | None:
        info = self._infos.get(key)
        if info is None or info.stop:
            return None
        cands = [t for t, _ in info.targets if isinstance(t, Agency)]
        return _pick(cands, on) if cands else None

    def find_all(self, text: str, on: dt.date | None = None) -> list[Mention]:
        """Every mention of an agency or an abolished body in ``text``, in text order.

        Longest matches win and mentions do not overlap. Case- and diacritic-insensitive, whole words;
        abbreviations (all-caps tokens such as "BCT", "UBND", "KH&ĐT") must have their case. Lists of
        ministries by short name ("các Bộ: Tài chính, Tư pháp", "các Bộ Tài chính, Tư pháp") give one
        mention per item (surface "Tư pháp"). ``on`` (the date of the text) chooses between bodies that
        bore the same name at different times; without it the current one is preferred.
        """
        if not text:
            return []
        canon = _Canon(text)
        ctext = canon.text
        n = len(text)
        found: list[tuple[int, int, int, int, _KeyInfo, object]] = []
        identity = canon.identity
        combining = unicodedata.combining
        for end_idx, info in self._automaton.iter(ctext):
            cstart = end_idx - info.klen + 1
            if identity:
                start, end = cstart, end_idx + 1
            else:
                start = canon.orig(cstart)
                end = canon.orig(end_idx) + 1
                while end < n and combining(text[end]):
                    end += 1
            if start > 0 and (text[start - 1].isalnum() or combining(text[start - 1])):
                continue
            if end < n and text[end].isalnum():
                continue
            if info.single is not None:
                target, variant = info.single
                if not _variant_ok(variant, canon, cstart, text, start, end):
                    continue
            else:
                target = self._accept(info, canon, cstart, text, start, end, on)
            if target is not None:
                found.append((start, end, cstart, end_idx + 1, info, target))
        if not found and "cac bo" not in ctext:
            return []
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        taken: list[tuple[int, int]] = []
        chosen: list[tuple[int, int, int, int, _KeyInfo, object]] = []
        for f in found:
            start, end = f[0], f[1]
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append(f)
        chosen.sort(key=lambda f: f[0])
        out: list[Mention] = []
        for start, end, _cs, _ce, info, target in chosen:
            if info.stop:
                continue
            if isinstance(target, Agency):
                out.append(Mention(target, text[start:end], start, end))
            else:
                out.append(Mention(None, text[start:end], start, end, body=target))
        if "cac bo" in ctext:
            extra = self._list_items(text, canon, chosen, on)
            if extra:
                out.extend(extra)
                out.sort(key=lambda m: m.start)
        return out

    def _list_items(self, text: str, canon: _Canon, chosen, on) -> list[Mention]:
        """Short names in a list of ministries: "các Bộ: Tài chính, Tư pháp", "các Bộ Tài chính, Tư pháp"."""
        ctext = canon.text
        starts_at = {f[2]: f for f in chosen}
        list_starts: list[tuple[int, bool]] = [(m.end(), True) for m in _LIST_OPEN.finditer(ctext)]
        for f in chosen:
            target = f[5]
            if isinstance(target, Agency) and target.kind in _LIST_KINDS and ctext.endswith("cac ", 0, f[2]):
                if f[2] < 4 or not ctext[f[2] - 5 : f[2] - 4].isalnum():
                    list_starts.append((f[3], False))
        out: list[Mention] = []
        done: set[int] = set()
        for p, first in list_starts:
            while p < len(ctext) and p not in done:
                done.add(p)
                if not first:
                    sep = _LIST_SEP.match(ctext, p)
                    if not sep:
                        break
                    p = sep.end()
                first = False
                f = starts_at.get(p)
                if f is not None:
                    if not isinstance(f[5], Agency):
                        break
                    p = f[3]
                    continue
                hit = self._short_item(text, canon, p, on)
                if hit is None:
                    break
                mention, p = hit
                out.append(mention)
        return out

    def _short_item(self, text: str, canon: _Canon, p: int, on):
        ctext = canon.text
        for key, entries in self._list_keys.get(_first_word(ctext, p), ()):
            if not ctext.startswith(key, p):
                continue
            e = p + len(key)
            if e < len(ctext) and ctext[e].isalnum():
                continue
            start = canon.orig(p)
            end = canon.orig(e - 1) + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            if not text[start].isupper():
                continue
            ok = [a for a, v in entries if _variant_ok(v, canon, p, text, start, end)]
            if ok:
                return Mention(_pick(ok, on), text[start:end], start, end), e
        return None

    def _accept(self, info: _KeyInfo, canon: _Canon, cstart: int, text: str, start: int, end: int, on):
        ok: list[object] = []
        for target, variants in info.targets:
            for v in variants:
                if _variant_ok(v, canon, cstart, text, start, end):
                    ok.append(target)
                    break
        if not ok:
            return None
        if info.stop:
            return True
        if len(ok) == 1:
            return ok[0]
        agencies = [t for t in ok if isinstance(t, Agency)]
        return _pick(agencies, on) if agencies else ok[0]


def _variant_ok(v: _Variant, canon: _Canon, cstart: int, text: str, start: int, end: int) -> bool:
    if v.case_mask:
        identity = canon.identity
        for pos, upper in v.case_mask:
            ch = text[cstart + pos] if identity else text[canon.orig(cstart + pos)]
            if ch.isupper() != upper:
                return False
    surface = text[start:end]
    if v.need_upper and surface.islower():
        return False
    if v.strict_edges:
        if start > 0 and text[start - 1] in _EDGE_GLUE:
            return False
        if end < len(text) and text[end] in _EDGE_GLUE:
            return False
    if v.weak and _is_qualified(text, start):
        return False
    return True


_FIRST_WORD = re.compile(r"[a-z0-9]+|[^a-z0-9 ]")


def _first_word(text: str, pos: int = 0) -> str:
    m = _FIRST_WORD.match(text, pos)
    return m.group() if m else ""


def _label(target: object) -> str:
    if isinstance(target, Agency):
        return f"agency {target.code!r}"
    if isinstance(target, AbolishedBody):
        return f"abolished body {target.name!r}"
    return "a stop phrase"


def _drop_provinces(agencies: list[Agency]) -> list[Agency]:
    """A province and its own People's Committee share "tỉnh X": the committee keeps the name."""
    committees_of = {a.parent for a in agencies if a.kind == "people_committee"}
    return [a for a in agencies if not (a.kind == "province" and a.code in committees_of)]


def _disjoint(x: Agency, y: Agency) -> bool:
    def before(a: Agency, b: Agency) -> bool:
        return a.abolished is not None and b.established is not None and a.abolished <= b.established

    return before(x, y) or before(y, x)


def _all_disjoint(agencies: list[Agency]) -> bool:
    return all(_disjoint(x, y) for i, x in enumerate(agencies) for y in agencies[i + 1 :])


def _pick(cands: list[Agency], on: dt.date | None) -> Agency:
    if len(cands) == 1:
        return cands[0]
    if on is not None:
        valid = [a for a in cands if _valid_on(a, on)]
        if valid:
            return valid[0]
        earliest = min(cands, key=lambda a: a.established or dt.date.min)
        if earliest.established and on < earliest.established:
            return earliest
    active = [a for a in cands if a.active]
    if active:
        return active[0]
    return max(cands, key=lambda a: a.abolished or dt.date.min)


# ----------------------------------------------------------------------------------------------- loading


def _read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            # yaml.safe_load, with the C implementation of the same safe loader where it is built in.
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DirectoryError(f"{path}: not valid YAML: {exc}") from exc


@functools.lru_cache(maxsize=8)
def _load(path: str) -> Directory:
    p = Path(path)
    return Directory(_read(p), p)


def load_directory(path: str | Path | None = None) -> Directory:
    """Load (once, cached) and validate the directory; raises :class:`DirectoryError` on bad data."""
    return _load(str(Path(path) if path is not None else DEFAULT_PATH))


load_directory.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


def validate(path: str | Path | None = None) -> Directory:
    """Load the file afresh (no cache) and validate it; returns the directory or raises DirectoryError."""
    p = Path(path) if path is not None else DEFAULT_PATH
    return Directory(_read(p), p)
