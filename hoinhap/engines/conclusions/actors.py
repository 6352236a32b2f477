"""Who: agency lists, subjects of assigning clauses, coordinators.

Names are resolved through the agency directory (``hoinhap.engines.text.agencies``); nothing here lists
agency names. The rules are those of Vietnamese administrative writing: titles before an agency
("Bộ trưởng Bộ X", "Chủ tịch Ủy ban nhân dân tỉnh X"), lists of ministries by short name ("các Bộ: Tài
chính, Tư pháp"), lists of provinces ("các tỉnh Lào Cai, Lạng Sơn"), classes of agencies ("các bộ,
ngành, địa phương"), named enterprises and officials.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hoinhap.engines.conclusions.text import Folded
from hoinhap.engines.text.agencies import Agency, Directory, Mention
from hoinhap.engines.text.normalize import fold, normalize

# Verbs / modal words that open the predicate of an assigning clause (folded). Generic administrative
# vocabulary; a subject ends where one of them begins (lower case in the original).
PREDICATES = [
    "chu tri",
    "phoi hop",
    "khan truong",
    "co trach nhiem",
    "chiu trach nhiem",
    "tap trung",
    "tiep tuc",
    "thuc hien",
    "nghien cuu",
    "xay dung",
    "hoan thien",
    "hoan thanh",
    "ra soat",
    "tong hop",
    "bao cao",
    "chi dao",
    "lam viec",
    "trao doi",
    "thong nhat",
    "can cu",
    "theo doi",
    "huong dan",
    "to chuc",
    "day manh",
    "tang cuong",
    "chu dong",
    "som",
    "kip thoi",
    "co van ban",
    "co y kien",
    "trinh",
    "de xuat",
    "kiem tra",
    "ban hanh",
    "bo tri",
    "can doi",
    "quan triet",
    "trien khai",
    "phai",
    "sua doi",
    "bo sung",
    "xu ly",
    "giai quyet",
    "uu tien",
    "dam bao",
    "bao dam",
    "phan cong",
    "tham dinh",
    "tiep thu",
    "dam phan",
    "quan ly",
    "phat huy",
    "nang cao",
    "xem xet",
    "huy dong",
    "ho tro",
    "cap nhat",
    "gui",
    "cung cap",
    "chuan bi",
    "soan thao",
    "tham muu",
    "tuyen truyen",
    "nghiem tuc",
    "quyet liet",
    "theo chuc nang",
    "thuong xuyen",
    "dinh ky",
    "rut kinh nghiem",
    "khac phuc",
    "danh gia",
    "tich cuc",
    "giam sat",
    "don doc",
    "phoi hop chat che",
    "lua chon",
    "xac dinh",
    "thanh lap",
    "kien toan",
    "bo tri",
    "chuyen",
    "tra loi",
    "thong bao",
    "cong bo",
    "tiep nhan",
    "thao go",
    "dua",
    "hoan tat",
    "ra quan",
    "duy tri",
    "dieu chinh",
    "phe duyet",
    "tu chuc",
    "dong chu tri",
    "la co quan",
    "lam dau moi",
    "lam ro",
    "so ket",
    "tong ket",
    "de nghi",
    "giao",
    "yeu cau",
    "dong y",
    "tao dieu kien",
    "ket noi",
    "van dong",
    "thu xep",
]
PREDICATES = sorted(set(PREDICATES), key=len, reverse=True)
_PRED_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in PREDICATES) + r")(?![\w])"
)
_BACKGROUND_RE = re.compile(r"\s*,?\s*(?:da|vua|dang|duoc|cung da|se|von|tung)\b")

_TITLES = (
    r"(?:cac\s+dong\s+chi\s+(?:trong\s+|thuoc\s+)?|dong\s+chi\s+)?"
    r"(?:(?:quyen\s+|pho\s+)?(?:bo\s+truong|thu\s+truong|chu\s+tich|lanh\s+dao|giam\s+doc|tong\s+giam\s+doc"
    r"|chu\s+nhiem|chanh\s+van\s+phong|tong\s+cuc\s+truong|cuc\s+truong|thong\s+doc|tong\s+kiem\s+toan"
    r"|chanh\s+an|vien\s+truong|bi\s+thu|truong\s+ban|dai\s+dien)(?:\s*,\s*|\s+))?"
)
_TITLE_RE = re.compile(_TITLES)
_COLLECTIVE_RE = re.compile(
    r"\bcac\s+(?:bo|nganh|dia\s+phuong|tinh|thanh\s+pho|co\s+quan\s+ngang\s+bo|co\s+quan\s+thuoc\s+chinh\s+phu"
    r"|co\s+quan\s+trung\s+uong|uy\s+ban\s+nhan\s+dan|so|thanh\s+vien)\b"
    r"|\bbo\s+truong\s*,\s*thu\s+truong|\buy\s+ban\s+nhan\s+dan\s+cac\s+tinh"
)
_COLLECTIVE_START = re.compile(
    r"(?:cac\s+dong\s+chi|dong\s+chi|cac\b|(?:quyen\s+)?(?:bo\s+truong|thu\s+truong|chu\s+tich|lanh\s+dao)\b"
    r"|uy\s+ban\s+nhan\s+dan\s+cac\b|ban\s+chi\s+dao\s+\w+\s+cac\b|hdnd|ubnd)"
)
_GENERIC_RE = re.compile(
    r"(?:he\s+thong\s+)?cac\s+(?:(?:bo|nganh|co\s+quan|dia\s+phuong|don\s+vi|luc\s+luong|to\s+chuc|doanh\s+nghiep"
    r"|hiep\s+hoi|tinh|thanh\s+pho|chu\s+the|ban|so|nha\s+dau\s+tu|doi\s+tac)"
    r"(?:\s+(?:lien\s+quan|co\s+lien\s+quan|chuc\s+nang|trung\s+uong|ngang\s+bo|thuoc\s+chinh\s+phu|khac"
    r"|truc\s+thuoc\s+trung\s+uong|bao\s+chi|thanh\s+vien|dia\s+phuong|nha\s+nuoc))*"
    r"(?:\s*,\s*(?!cac\b)|\s+va\s+(?=(?:bo|nganh|co\s+quan|dia\s+phuong|don\s+vi|luc\s+luong|to\s+chuc)\b))?)+"
)
# Named bodies that are not in the directory (state corporations, enterprises, units): head word + name.
_ORG_HEAD = re.compile(
    r"(?:tap\s+doan|tong\s+cong\s+ty|cong\s+ty|ngan\s+hang|tong\s+cuc|cuc|ban|vien|hoc\s+vien|truong|dai\s+hoc"
    r"|hoi|hiep\s+hoi|lien\s+doan|lien\s+hiep|phong\s+thuong\s+mai|uy\s+ban|van\s+phong|dai|bao|tap\s+chi"
    r"|kho\s+bac|bao\s+hiem|quy|trung\s+tam|toa\s+an|vien\s+kiem\s+sat|bo\s+tu\s+lenh|quan\s+khu|thanh\s+tra"
    r"|kiem\s+toan|benh\s+vien|cang\s+vu|to\s+cong\s+tac|hoi\s+dong)\s+",
)
_OFFICIAL = re.compile(
    r"(?:pho\s+thu\s+tuong|thu\s+tuong|bo\s+truong|thu\s+truong|chu\s+tich|pho\s+chu\s+tich|dong\s+chi)"
    r"(?:\s+chinh\s+phu)?\s+"
)
_LIST_OPEN = re.compile(
    r"(?:(?:chu\s+tich\s+)?(?:uy\s+ban\s+nhan\s+dan|ubnd)\s+)?cac\s+(bo|tinh|thanh\s+pho)"
    r"(?:\s*,\s*thanh\s+pho)?\s*:?\s*"
)
_SEP_RE = re.compile(r"\s*,\s*|\s+va\s+|\s+cung\s+|\s*;\s*")
_AUTHORITY_CODES = {"CP", "TTG", "QH", "UBTVQH", "BCT_DANG", "BCHTW", "BBT", "CTN"}
_AUTHORITY_KINDS = {"party_body"}


@dataclass(slots=True)
class Actor:
    name: str  # normalised full name, or the words as written
    surface: str
    start: int
    end: int
    agency: Agency | None = None
    generic: bool = False  # "các cơ quan liên quan"
    named: bool = False  # a named body or official not in the directory

    @property
    def resolved(self) -> bool:
        return self.agency is not None


@dataclass(slots=True)
class Subject:
    actors: list[Actor]
    start: int
    end: int  # end of the subject (start of the predicate)
    collective: bool = False
    collective_name: str | None = None
    authority: bool = False  # the Government / Prime Minister as actor: not an assignee
    extra: list[Actor] = field(default_factory=list)  # generic "và các cơ quan liên quan" -> coordinators


class Actors:
    """Agency lookups over one document text (mentions computed once)."""

    def __init__(self, directory: Directory, text: str, folded: Folded, on: dt.date | None):
        self.d = directory
        self.text = text
        self.fx = folded
        self.on = on
        self.mentions: list[Mention] = [m for m in directory.find_all(text, on=on) if m.agency is not None]
        self._by_start = {m.start: m for m in self.mentions}
        self._spans = [(m.start, m.end) for m in self.mentions]

    # ------------------------------------------------------------------ helpers

    def inside_mention(self, i: int) -> bool:
        return any(s <= i < e for s, e in self._spans)

    def mention_at(self, i: int) -> Mention | None:
        return self._by_start.get(i)

    def _skip_ws(self, i: int, end: int) -> int:
        while i < end and self.text[i].isspace():
            i += 1
        return i

    def _short_name(self, i: int, end: int, kind: str) -> Actor | None:
        """A ministry or province by its short name inside a list ("Tư pháp", "Lạng Sơn")."""
        if i >= end or not self.text[i].isupper():
            return None
        words = list(re.finditer(r"[^\s,;.:()]+", self.text[i:end]))
        best = None
        for n in range(1, min(len(words), 9) + 1):
            stop = i + words[n - 1].end()
            phrase = self.text[i:stop]
            if fold(phrase).endswith((" va", " cac")):
                continue
            prefixes = ("Bộ ",) if kind == "ministry" else ("tỉnh ", "thành phố ")
            for prefix in prefixes:
                agency = self.d.resolve(prefix + phrase, on=self.on)
                if agency is None:
                    continue
                name_f = fold(agency.name)
                if kind == "ministry" and agency.kind not in ("ministry", "ministerial_agency"):
                    continue
                if not name_f.endswith(fold(phrase)):
                    if fold(prefix + phrase) not in (fold(a) for a in agency.aliases):
                        continue
                if kind == "province" and agency.kind not in ("people_committee", "province"):
                    continue
                best = Actor(agency.name, phrase, i, stop, agency)
                break
        return best

    def _list_kind(self, actor: Actor | None, i: int) -> str | None:
        if actor is not None and actor.agency is not None:
            if actor.agency.kind in ("ministry", "ministerial_agency"):
                return "ministry"
            if actor.agency.kind in ("people_committee", "province"):
                return "province"
        return None

    def item_at(self, i: int, end: int, list_kind: str | None, first: bool) -> Actor | None:
        """One actor starting at ``i`` (titles skipped)."""
        i = self._skip_ws(i, end)
        fs = self.fx.fpos(i)
        seg = self.fx.f[fs : self.fx.fpos(end)]
        tm = _TITLE_RE.match(seg)
        j = i
        if tm and tm.end():
            j = self.fx.orig(fs + tm.end())
        for k in (j, i):
            m = self.mention_at(k)
            if m is None and fold(self.text[k : k + 4]) == "cac ":
                m = self.mention_at(k + 4)
            if m is not None and m.end <= end:
                return Actor(m.agency.name, m.surface, k, m.end, m.agency)
        # "các Bộ: Tài chính, Tư pháp" / "các Bộ Tài chính, Tư pháp" / "các tỉnh: Lào Cai, …"
        lm = _LIST_OPEN.match(self.fx.f, self.fx.fpos(j), self.fx.fpos(end))
        if lm:
            k = self.fx.orig(lm.end())
            if k < end and self.text[k].isupper():
                kind = "ministry" if lm.group(1) == "bo" else "province"
                hit = self._short_name(k, end, kind)
                if hit is not None:
                    return hit
        if list_kind is not None and not first:
            hit = self._short_name(j, end, list_kind)
            if hit is not None:
                return hit
        # named official ("Phó Thủ tướng Chính phủ Trần Hồng Hà")
        om = _OFFICIAL.match(self.fx.f[self.fx.fpos(i) : self.fx.fpos(end)])
        if om and not self.text[self.fx.orig(self.fx.fpos(i) + om.end())].isupper():
            om = None
        if om:
            stop = self._name_end(self.fx.orig(self.fx.fpos(i) + om.end()), end)
            if stop:
                surface = self.text[i:stop]
                return Actor(surface, surface, i, stop, None, named=True)
        # named body not in the directory (state corporation, enterprise, unit)
        hm = _ORG_HEAD.match(self.fx.f[self.fx.fpos(j) : self.fx.fpos(end)])
        if hm and self.text[j].isupper() and self.text[self.fx.orig(self.fx.fpos(j) + hm.end())].isupper():
            stop = self._org_end(self.fx.orig(self.fx.fpos(j) + hm.end()), end)
            if stop:
                surface = self.text[j:stop]
                return Actor(surface, surface, j, stop, self.d.resolve(surface, on=self.on), named=True)
        if not first or list_kind == "generic":
            gm = _GENERIC_RE.match(self.fx.f[self.fx.fpos(i) : self.fx.fpos(end)])
            if gm:
                raw = self.text[i : self.fx.orig(self.fx.fpos(i) + gm.end())]
                raw = raw.rstrip(" ,;\n")
                if fold(raw).endswith(" va"):
                    raw = raw[:-3].rstrip()
                return Actor(raw, raw, i, i + len(raw), None, generic=True)
        return None

    _ORG_STOP = frozenset(
        "để về của tại theo trong với và cùng nhằm khi đã được sẽ phải cần là thì ở từ đến các những".split()
    )

    def _org_end(self, i: int, end: int) -> int | None:
        """End of the name of a body: words up to punctuation, a linking word or a predicate."""
        stop = None
        for n, m in enumerate(re.finditer(r"[^\s,;.:()]+", self.text[i:end])):
            if n >= 10:
                break
            w_start = i + m.start()
            if stop is not None and re.search(r"[,;.:(]", self.text[stop:w_start]):
                break
            word = normalize(m.group()).lower()
            if not m.group()[0].isupper() and (
                word in self._ORG_STOP or self.predicate_at(w_start, w_start + len(m.group())) is not None
            ):
                break
            stop = w_start + len(m.group())
        return stop

    def _name_end(self, i: int, end: int) -> int | None:
        """End of a proper name: capitalised words (and short linking words between them)."""
        stop = None
        for m in re.finditer(r"\S+", self.text[i:end]):
            w = m.group().rstrip(",;.:")
            if not w:
                break
            if w[0].isupper() or w[0].isdigit() or (w.startswith("(") and w[1:2].isupper()):
                stop = i + m.start() + len(w)
                if m.group() != w:
                    break
                continue
            if fold(w) in ("va", "-", "–", "&") and stop is not None:
                continue
            break
        return stop

    def parse_list(self, i: int, end: int, allow_generic_first: bool = True) -> tuple[list[Actor], int]:
        """Actors from ``i`` separated by ", " / " và "; stops at the first non-actor."""
        out: list[Actor] = []
        list_kind: str | None = "generic" if allow_generic_first else None
        p = i
        while p < end:
            actor = self.item_at(p, end, list_kind, first=not out)
            if actor is None:
                break
            out.append(actor)
            list_kind = self._list_kind(actor, p) or list_kind if actor.agency is not None else list_kind
            if actor.generic and not actor.surface.endswith(","):
                list_kind = None if list_kind != "generic" else list_kind
            p = actor.end
            # skip a parenthesis right after a name ("(EVN)")
            pm = re.match(r"\s*\([^()]{1,60}\)", self.text[p:end])
            if pm:
                p += pm.end()
            sm = _SEP_RE.match(self.fx.f, self.fx.fpos(p))
            if not sm or sm.end() > self.fx.fpos(end) or ";" in sm.group():
                break
            p = self.fx.orig(sm.end())
        return out, (out[-1].end if out else i)

    # ------------------------------------------------------------------ subject of a clause

    def predicate_at(self, i: int, end: int) -> re.Match | None:
        """The first predicate word at/after ``i`` in lower case, outside agency names."""
        fs, fe = self.fx.fpos(i), self.fx.fpos(end)
        for m in _PRED_RE.finditer(self.fx.f, fs, fe):
            o = self.fx.orig(m.start())
            if self.text[o].isupper() or self.inside_mention(o):
                continue
            return m
        return None

    def subject_at(self, i: int, end: int) -> tuple[Subject | None, str]:
        """Parse "<subject> <predicate>" at ``i``. Returns (subject, status) where status is "ok",
        "background" (đã/được…), "none" (no subject here)."""
        i = self._skip_ws(i, end)
        if i >= end:
            return None, "none"
        fs = self.fx.fpos(i)
        pred = self.predicate_at(i, min(end, i + 400))
        if pred is None:
            span_end = min(end, i + 300)
        else:
            span_end = self.fx.orig(pred.start())
        head = self.fx.f[fs : self.fx.fpos(span_end)]
        if not head.strip():
            return None, "none"
        # appositive after a dash: "Bộ trưởng Bộ Tài chính - Phó Trưởng ban …"
        am = re.search(
            r"\s[-–]\s+(?:pho\s+|truong\s+|thanh\s+vien|uy\s+vien|co\s+quan\s+thuong\s+truc|chu\s+tich)", head
        )
        subj_end = span_end if am is None else self.fx.orig(fs + am.start())
        subj_f = self.fx.f[fs : self.fx.fpos(subj_end)]
        # a collective addressee
        if (
            _COLLECTIVE_RE.search(subj_f)
            and _COLLECTIVE_START.match(subj_f)
            and not self._starts_with_named(i, subj_end)
        ):
            if pred is None:
                return None, "none"
            surface = self.text[i:subj_end].strip().rstrip(",")
            after = self.fx.f[self.fx.fpos(span_end) - 1 : self.fx.fpos(span_end) + 12]
            del after
            return (
                Subject([], i, span_end, collective=True, collective_name=collective_name(surface)),
                "ok",
            )
        actors, stop = self.parse_list(i, subj_end, allow_generic_first=False)
        if not actors:
            return None, "none"
        rest = self.fx.f[self.fx.fpos(stop) : self.fx.fpos(end)]
        # "Ban Chỉ đạo 389 các bộ, ngành, địa phương": a body of every ministry -> collective, as written
        if re.match(r"\s*(?:cua\s+)?cac\s+(?:bo|nganh|dia\s+phuong|tinh)\b", rest) and pred is not None:
            surface = self.text[i:span_end].strip().rstrip(",")
            return Subject([], i, span_end, collective=True, collective_name=surface), "ok"
        if _BACKGROUND_RE.match(rest):
            return None, "background"
        gap = self.fx.f[self.fx.fpos(stop) : self.fx.fpos(span_end)]
        if pred is None or (
            gap.strip(" ,\n") and am is None and not re.fullmatch(r"[\s,]*(?:\([^()]*\))?[\s,]*", gap)
        ):
            return None, "none"
        named = [a for a in actors if not a.generic or not re.search(r"lien\s+quan", fold(a.surface))]
        if not named or named[0].generic:
            return None, "unnamed"
        authority = (
            all(
                a.agency is not None
                and (a.agency.code in _AUTHORITY_CODES or a.agency.kind in _AUTHORITY_KINDS)
                for a in named
            )
            or all(a.named and _OFFICIAL.match(fold(a.surface) + " ") for a in named)
            and False
        )
        extra = [a for a in actors if a not in named]
        return Subject(named, i, span_end, authority=authority, extra=extra), "ok"

    def _starts_with_named(self, i: int, end: int) -> bool:
        seg = self.fx.f[self.fx.fpos(i) : self.fx.fpos(end)]
        tm = _TITLE_RE.match(seg)
        j = self.fx.orig(self.fx.fpos(i) + (tm.end() if tm else 0))
        lm = _LIST_OPEN.match(self.fx.f, self.fx.fpos(j), self.fx.fpos(end))
        if lm and self.text[self.fx.orig(lm.end())].isupper():
            kind = "ministry" if lm.group(1) == "bo" else "province"
            return self._short_name(self.fx.orig(lm.end()), end, kind) is not None
        m = self.mention_at(j)
        return m is not None and not re.match(r"\s*(?:cac\s+)", self.fx.f[self.fx.fpos(m.end) :][:8])

    # ------------------------------------------------------------------ coordinators

    _COORD_TRIGGER = re.compile(
        r"(?<![\w])(?:phoi\s+hop(?:\s+chat\s+che)?(?:\s+voi)?|trao\s+doi\s*,?\s*thong\s+nhat(?:\s+voi)"
        r"|lam\s+viec(?:\s+cu\s+the)?(?:\s*,\s*thong\s+nhat)?\s+voi|thong\s+nhat\s+voi|cung\s+voi)\s+"
    )

    def coordinators(self, start: int, end: int) -> list[Actor]:
        out: list[Actor] = []
        for m in self._COORD_TRIGGER.finditer(self.fx.f, self.fx.fpos(start), self.fx.fpos(end)):
            p = self.fx.orig(m.end())
            actors, _ = self.parse_list(p, end, allow_generic_first=True)
            for a in actors:
                if a.agency is not None and (a.agency.code in _AUTHORITY_CODES):
                    continue
                out.append(a)
        return out


def collective_name(surface: str) -> str:
    """ "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, … và Chủ tịch Ủy ban nhân dân các tỉnh, …" ->
    "Các Bộ, cơ quan ngang Bộ, …; Ủy ban nhân dân các tỉnh, …"."""
    s = re.sub(r"\s+", " ", surface).strip().rstrip(",;:")
    s = re.sub(r"^(?:[Cc]ác đồng chí|[Đđ]ồng chí)\s+(?:trong\s+|thuộc\s+)?", "", s)
    s = re.sub(r"^(?:[Cc]ác\s+)?(?:Bộ trưởng|bộ trưởng)\s*,", "các Bộ,", s)
    s = re.sub(
        r"(?:(?<=^)|(?<=, )|(?<=và ))(?:Quyền\s+)?(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Lãnh đạo|Giám đốc)\s+",
        "",
        s,
    )
    s = re.sub(r"\s+và\s+(?=(?:các|Ủy ban nhân dân|UBND)\b)", "; ", s)
    return s[:1].upper() + s[1:] if s else s
