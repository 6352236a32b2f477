"""References: document numbers ("61/2020/QH14", "59-NQ/TW", "769/TTg"), treaties cited by name,
and provision-level mentions ("điểm a, b khoản 2 Điều 3", "từ Điều 24 đến Điều 28").

``tokenize`` keeps document numbers as single tokens (general-purpose tokenisers split
"35/2005/QH11" at the slashes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from hoinhap.engines.legal.textutil import DATE_RE, iso_date

# A document number: "31/2021/NĐ-CP", "38/2025/QĐ-UBND", "39/2021/QĐ-TTg", old-style "769/TTg",
# "1719/QĐ-TTg", Party documents "59-NQ/TW".
# The pattern opens with the first digit (and checks the character before it with a lookbehind)
# so that the regex engine can skip ahead to digits instead of trying every position.
NUMBER_RE = re.compile(
    r"(\d(?<![\w/.\-]\d)(?:"
    r"\d{0,4}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9]*(?:\.[A-ZĐ][A-Za-zĐđ0-9]*)*)*"
    r"|\d{0,4}-[A-ZĐ]{1,6}/[A-ZĐ][A-Za-zĐđ]*"
    r"))(?![\w/])"
)

_NUMBER_MARGIN = 64


def _number_matches(text: str) -> Iterator[re.Match[str]]:
    """``NUMBER_RE.finditer(text)``, faster: every number holds a "/" at most 14 characters after
    its start, so NUMBER_RE is only tried near a slash (found by ``str.find``).

    The search around a slash stops at a bound; a match that ends near the bound (which might be
    cut short by it) is searched again without the bound."""
    find = text.find
    search = NUMBER_RE.search
    size = len(text)
    pos = 0
    while True:
        slash = find("/", pos)
        if slash < 0:
            return
        lo = max(pos, slash - 14)
        hi = slash + _NUMBER_MARGIN
        if hi >= size:
            m = search(text, lo)
        else:
            m = search(text, lo, hi)
            if m is not None and m.end() > hi - 20:
                m = search(text, lo)
        if m is None:
            # No number starts at or before this slash; one that starts after it holds a later slash.
            pos = slash + 1
            continue
        yield m
        pos = m.end()


_TYPE_WORDS = (
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Thông báo",
    "Công văn",
    "Hiến pháp",
    "Lệnh",
    "Công điện",
)
_TYPE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in _TYPE_WORDS) + r")(?!\w)")

_SUFFIX_TYPES = (
    (re.compile(r"/NĐ-"), "Nghị định"),
    (re.compile(r"TTLT"), "Thông tư liên tịch"),
    (re.compile(r"/TT-"), "Thông tư"),
    (re.compile(r"/QĐ-"), "Quyết định"),
    (re.compile(r"NQLT"), "Nghị quyết liên tịch"),
    (re.compile(r"NQ[-/]"), "Nghị quyết"),
    (re.compile(r"/CT-"), "Chỉ thị"),
    (re.compile(r"KL[-/]"), "Kết luận"),
    (re.compile(r"/TB-"), "Thông báo"),
    (re.compile(r"/L-CTN"), "Lệnh"),
    (re.compile(r"/PL-"), "Pháp lệnh"),
    (re.compile(r"/CĐ-"), "Công điện"),
)

_RELATIONS = re.compile(
    r"(sửa đổi,? bổ sung|sửa đổi|bổ sung|thay thế|bãi bỏ|đình chỉ|hướng dẫn(?: thi hành)?|"
    r"quy định chi tiết|hết hiệu lực)",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(r"^\s*(?:(?:một số điều|một số|tại|theo)\s+)?bởi\b", re.IGNORECASE)
_PHRASE = re.compile(r"^\s*:?\s*(?:các\s+)?(?:cụm\s+)?từ\b", re.IGNORECASE)
_FROM_DATE = re.compile(r"(?:kể\s+)?từ\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)

_LAST_TYPE_RE = re.compile(r"(?s).*(?<!\w)(" + "|".join(re.escape(w) for w in _TYPE_WORDS) + r")(?!\w)")
_LAST_RELATION_RE = re.compile(r"(?s).*" + _RELATIONS.pattern, re.IGNORECASE)
# Relation verbs (the alternatives of _RELATIONS without their optional tails), for
# ``_last_relation``. They are matched ignoring case: besides what ``str.lower`` folds, the regex
# engine also equates "ı"/"i", "ſ"/"s" and "İ"/"i", so text holding one of those takes the regex.
_RELATION_WORDS = (
    "sửa đổi",
    "bổ sung",
    "thay thế",
    "bãi bỏ",
    "đình chỉ",
    "hướng dẫn",
    "quy định chi tiết",
    "hết hiệu lực",
)
_CASE_ODD = ("ı", "ſ", "İ")
_SPLIT_SENTENCE = re.compile(r"[.;](?!\d)")


def _may_hold_type(window: str) -> bool:
    for word in _TYPE_WORDS:  # a plain loop: faster than any() over a generator
        if word in window:
            return True
    return False


def _last_relation(scan: str) -> tuple[int, int] | None:
    """The span of group 1 of ``_LAST_RELATION_RE.match(scan)`` (the relation verb that starts
    last), found with ``str.rfind`` on the lower-cased text instead of a backtracking regex."""
    low = scan.lower()
    if len(low) != len(scan) or "ı" in scan or "ſ" in scan or "İ" in scan:  # _CASE_ODD
        rm = _LAST_RELATION_RE.match(scan)
        return (rm.start(1), rm.end(1)) if rm else None
    start = -1
    word = ""
    for candidate in _RELATION_WORDS:
        at = low.rfind(candidate)
        if at > start:
            start, word = at, candidate
    if start < 0:
        return None
    end = start + len(word)
    # The regex prefers the longer alternatives "sửa đổi, bổ sung" and "hướng dẫn thi hành".
    if word == "sửa đổi":
        if low.startswith(", bổ sung", end):
            end += len(", bổ sung")
        elif low.startswith(" bổ sung", end):
            end += len(" bổ sung")
    elif word == "hướng dẫn" and low.startswith(" thi hành", end):
        end += len(" thi hành")
    return start, end


_EXPIRES = re.compile(r"^[^.;]{0,160}?hết hiệu lực")
_DATE_AFTER = re.compile(r"^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")

TREATY_RE = re.compile(
    # Each name opens with its first letter and then looks behind it for the word boundary, so
    # that the regex engine jumps between those letters instead of trying every position.
    r"(H(?<!\wH)iệp định|C(?<!\wC)ông ước|H(?<!\wH)iệp ước|N(?<!\wN)ghị định thư|Đ(?<!\wĐ)iều ước"
    r"|T(?<!\wT)hỏa thuận|B(?<!\wB)ản ghi nhớ)"
    r"((?:\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w\-]*|và|về|xuyên|giữa|với|của|"
    r"Việt Nam|[A-Z0-9]{2,}))+)"
)
_TREATY_TAIL = re.compile(r"(?:\s+(?:và|về|xuyên|giữa|với|của))+$")


@dataclass(slots=True)
class FoundReference:
    number: str | None
    type: str | None
    text: str
    start: int
    end: int
    relation: str | None
    relation_effective: str | None
    date: str | None
    relation_gap: int | None = None  # characters between the relation verb and the citing phrase


_TYPE_OF_NUMBER: dict[str, str | None] = {}


def _type_from_number(number: str) -> str | None:
    if number in _TYPE_OF_NUMBER:  # memoised: the same numbers are cited again and again
        return _TYPE_OF_NUMBER[number]
    found = None
    for pattern, name in _SUFFIX_TYPES:
        if pattern.search(number):
            found = name
            break
    if len(_TYPE_OF_NUMBER) > 4096:
        _TYPE_OF_NUMBER.clear()
    _TYPE_OF_NUMBER[number] = found
    return found


def _clean_number(raw: str) -> str:
    return raw.rstrip(".-–")


def find_references(text: str, *, default_relation: str | None = None) -> list[FoundReference]:
    """Every document number in ``text`` with its type, citing phrase and stated relation."""
    if "/" not in text:
        return []
    return _references(text, _number_matches(text), 0, len(text), default_relation)


def _references(
    text: str,
    matches: Iterable[re.Match[str]],
    lo: int,
    hi: int,
    default_relation: str | None,
    skip: Callable[[str], bool] | None = None,
) -> list[FoundReference]:
    """``find_references`` on ``text[lo:hi]``, given the NUMBER_RE matches that fall inside it.

    Nothing looks outside ``[lo, hi)``, so a segment of a larger text gives the same result as the
    segment alone (offsets are relative to ``lo``)."""
    found: list[FoundReference] = []
    produced: set[str] = set()
    prev_end = lo
    for m in matches:
        number = _clean_number(m.group(1))
        tail = number[number.rfind("/") + 1 :]  # what follows the last "/" (the issuer's code)
        letters = 0
        for ch in tail:
            if ch.isalpha():
                letters += 1
                if letters == 2:
                    break
        if letters < 2:
            continue
        start = m.start(1)
        if skip is not None:
            # The caller drops this number (seen here before): only the position matters.
            if number in produced or skip(number):
                prev_end = start + len(number)
                continue
            produced.add(number)
        window_start = max(prev_end, start - 160)
        window = text[window_start:start]
        doc_type = None
        phrase_start = start
        tm = _LAST_TYPE_RE.match(window) if _may_hold_type(window) else None
        if tm:
            doc_type = tm.group(1)
            phrase_start = window_start + tm.start(1)
        if doc_type is None:
            doc_type = _type_from_number(number)
        elif doc_type in ("Luật", "Bộ luật") and start - phrase_start > 120:
            doc_type = _type_from_number(number) or doc_type
        # A type word far away in a list ("các Quyết định: số 1719/QĐ-TTg, số 920/QĐ-TTg") is
        # still the type; the citing text is the short phrase before the number.
        if start - phrase_start > 120:
            phrase_start = start
        relation = default_relation
        relation_gap = None
        rel_window = text[max(lo, phrase_start - 120) : phrase_start]
        cut = max(rel_window.rfind(";"), rel_window.rfind(". "))
        if cut >= 0:
            rel_window = rel_window[cut + 1 :]
        if relation is None:
            scan = rel_window
            while scan:
                span = _last_relation(scan)
                if span is None:
                    break
                after = rel_window[span[1] :]
                verb = scan[span[0] : span[1]].lower()
                if _PASSIVE_BY.match(after) or _PHRASE.match(after) or verb == "hết hiệu lực":
                    scan = scan[: span[0]]
                    continue
                relation = verb.replace("sửa đổi bổ sung", "sửa đổi, bổ sung")
                relation_gap = len(after.strip())
                break
        after_text = text[m.end() : min(hi, m.end() + 240)]
        if relation is None and "hiệu lực" in after_text and _EXPIRES.match(after_text):
            relation = "hết hiệu lực"
        date = None
        dm = _DATE_AFTER.match(after_text) if "ngày" in after_text[:12] else None
        if dm:
            date = iso_date(dm.group(1), dm.group(2), dm.group(3))
        relation_effective = None
        if relation in ("bãi bỏ", "thay thế", "đình chỉ", "hết hiệu lực", "sửa đổi", "sửa đổi, bổ sung"):
            sentence = _SPLIT_SENTENCE.split(after_text, maxsplit=1)[0]
            fm = _FROM_DATE.search(sentence)
            if fm:
                relation_effective = iso_date(fm.group(1), fm.group(2), fm.group(3))
        found.append(
            FoundReference(  # positional (faster): the fields in their order
                number,
                doc_type,
                text[phrase_start : start + len(number)],
                start - lo,
                start - lo + len(number),
                relation,
                relation_effective,
                date,
                relation_gap,
            )
        )
        prev_end = start + len(number)
    return found


# A text without one of these cannot cite a treaty by name.
_TREATY_HINTS = ("Hiệp", "Công ước", "Điều ước", "Thỏa", "Nghị định thư", "Bản ghi nhớ")


def find_treaties(text: str) -> list[FoundReference]:
    out: list[FoundReference] = []
    if not any(hint in text for hint in _TREATY_HINTS):
        return out
    for m in TREATY_RE.finditer(text):
        name = _TREATY_TAIL.sub("", m.group(0)).strip()
        if len(name.split()) < 3:
            continue
        out.append(
            FoundReference(
                number=None,
                type=m.group(1),
                text=name,
                start=m.start(),
                end=m.start() + len(name),
                relation=None,
                relation_effective=None,
                date=None,
            )
        )
    return out


def _segment_starts(segments: list[str], sep_len: int) -> list[int]:
    starts = []
    pos = 0
    for segment in segments:
        starts.append(pos)
        pos += len(segment) + sep_len
    return starts


def scan_references(
    segments: list[str],
    default_relations: list[str | None],
    skip: Callable[[int, str], bool] | None = None,
) -> Iterator[tuple[int, list[FoundReference], list[FoundReference]]]:
    """``find_references`` and ``find_treaties`` of every segment (a node's text, a preamble line…)
    with one regex pass over the whole document instead of one per segment.

    Yields (segment index, references, treaties) for the segments that have any, in order; the
    results are those of the per-segment functions. Segments are joined with a newline, which no
    document number contains and which NUMBER_RE treats as it treats the ends of a text, and the
    windows around each number are clipped to its segment.

    ``skip(k, number)``, when given, names numbers of segment ``k`` the caller will drop (already
    cited in the same place): they are left out (after the first in a segment) without working
    out their type, phrase and relation. It is asked when the segment is reached."""
    text = "\n".join(segments)
    starts = _segment_starts(segments, 1)
    numbers: dict[int, list[re.Match[str]]] = {}
    if "/" in text:
        for m in _number_matches(text):
            numbers.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
    treaty_segments: set[int] = set()
    for hint in _TREATY_HINTS:
        at = text.find(hint)
        while at >= 0:
            treaty_segments.add(bisect_right(starts, at) - 1)
            at = text.find(hint, at + 1)
    for k in sorted(numbers.keys() | treaty_segments):
        lo = starts[k]
        refs = (
            _references(
                text,
                numbers[k],
                lo,
                lo + len(segments[k]),
                default_relations[k],
                None if skip is None else partial(skip, k),
            )
            if k in numbers
            else []
        )
        treaties = find_treaties(segments[k]) if k in treaty_segments else []
        yield k, refs, treaties


# --- Provision-level references ---------------------------------------------------------------
_LETTER = r"[a-zđ]"
_ART = r"\d{1,4}[a-zđ]?"
# The parts of PROVISION_RE, also used alone by the patterns of ``_provision_hits``.
_RANGE = (
    r"từ\s+(?P<range_kind>Điều|khoản|điểm)\s+(?P<range_from>\d{1,4}[a-zđ]?|[a-zđ])\s+đến\s+"
    r"(?:(?P=range_kind)\s+)?(?P<range_to>\d{1,4}[a-zđ]?|[a-zđ])"
)
_POINTS = rf"điểm\s+(?P<points>{_LETTER}(?:\s*(?:,|và|hoặc)\s*(?:điểm\s+)?{_LETTER}(?!\w))*)\s+"
_CLAUSES = r"khoản\s+(?P<clauses>\d{1,3}(?:\s*(?:,|và|hoặc)\s*(?:khoản\s+)?\d{1,3}(?!\w))*)\s+"
_ARTICLES = rf"(?P<art>Điều\s+(?:này|{_ART}(?:\s*(?:,|và|hoặc)\s*(?:Điều\s+)?{_ART}(?!\w))*))"
_TAIL = (
    r"(?P<tail>(?:\s+(?:của\s+)?(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư liên tịch|"
    r"Thông tư|Quyết định|Chỉ thị|Hiến pháp)(?:\s+này)?|này))?)"
)
PROVISION_RE = re.compile(rf"(?<!\w)(?:{_RANGE}|(?:{_POINTS})?(?:{_CLAUSES})?{_ARTICLES}){_TAIL}")
_SPLIT = re.compile(r"\s*(?:,|và|hoặc)\s*(?:Điều|khoản|điểm)?\s*")

# PROVISION_RE at a position where one of its opening words stands. The other openings need
# another word there and fail at once, so the match (if any) is PROVISION_RE's, found without
# trying them; groups the pattern lacks are None in PROVISION_RE's match. Kinds: 0 "từ" (groups
# range_kind, range_from, range_to, tail), 1 "điểm" (points, clauses, art, tail), 2 "khoản"
# (clauses, art, tail), 3 "Điều" (art, tail). The words' first letters differ: the first letter
# tells the kind, and no two occurrences share a position.
_RANGE_KIND = 0
_LIST_WORDS = ("điểm", "khoản", "Điều")
_KIND_OF_LETTER = {"t": 0, "đ": 1, "k": 2, "Đ": 3}
_OPENING_MATCH = (
    re.compile(rf"(?<!\w){_RANGE}{_TAIL}").match,
    re.compile(rf"(?<!\w){_POINTS}(?:{_CLAUSES})?{_ARTICLES}{_TAIL}").match,
    re.compile(rf"(?<!\w){_CLAUSES}{_ARTICLES}{_TAIL}").match,
    re.compile(rf"(?<!\w){_ARTICLES}{_TAIL}").match,
)


def _provision_hits(text: str) -> list[tuple[re.Match[str], int]]:
    """The matches of ``PROVISION_RE.finditer(text)`` (same spans and groups, from the pattern of
    ``_OPENING_MATCH`` for the word they open with), each with its kind.

    PROVISION_RE opens with a lookbehind, so ``finditer`` tries it at every position; here it is
    tried only where a match can start, at the opening words (found with ``str.find``):

    - a match that does not open with "từ" holds "Điều" (its articles), so "điểm", "khoản" and
      "Điều" are looked for only in a text holding "Điều";
    - a range "từ <kind> <x> đến" holds nothing between "từ" and "đến" but whitespace, a kind word
      and a label, in which neither "từ" nor "đến" can occur: its "từ" is the last one before the
      first "đến" after it. So only that "từ" is tried for each "đến" (not every "từ", a common
      word)."""
    starts: list[int] = []
    append = starts.append
    find = text.find
    if "Điều" in text:
        for word in _LIST_WORDS:
            at = find(word)
            while at >= 0:
                append(at)
                at = find(word, at + 1)
    if "đến" in text:
        low = 0
        at = find("đến")
        while at >= 0:
            opening = text.rfind("từ", low, at)
            if opening >= 0:
                append(opening)
            low = at + 3
            at = find("đến", low)
    starts.sort()
    hits: list[tuple[re.Match[str], int]] = []
    end = 0
    for pos in starts:
        if pos < end:
            continue
        kind = _KIND_OF_LETTER[text[pos]]
        m = _OPENING_MATCH[kind](text, pos)
        if m:
            end = m.end()
            hits.append((m, kind))
    return hits


def _provision_matches(text: str) -> Iterator[re.Match[str]]:
    """``PROVISION_RE.finditer(text)``, faster (see ``_provision_hits``)."""
    for m, _ in _provision_hits(text):
        yield m


@dataclass(slots=True)
class FoundProvision:
    text: str
    start: int
    articles: list[str]  # labels, or ["này"] for the current article
    clauses: list[str]
    points: list[str]
    scope: str  # "internal" (… này), "external" (another document named), "bare"
    range_kind: str | None = None


# Lists split by _SPLIT, memoised: the same lists ("1, 2", "a, b") come again and again.
_SPLIT_ITEMS: dict[str, list[str]] = {}


def _items(raw: str | None) -> list[str]:
    if not raw:
        return []
    raw = raw.strip()
    if "," not in raw and "và" not in raw and "hoặc" not in raw:
        return [raw] if raw else []  # nothing for _SPLIT to split at (the common case)
    items = _SPLIT_ITEMS.get(raw)
    if items is None:
        if len(_SPLIT_ITEMS) > 4096:
            _SPLIT_ITEMS.clear()
        items = _SPLIT_ITEMS[raw] = [item for item in _SPLIT.split(raw) if item]
    return items[:]  # a list of the caller's own


def _provision(m: re.Match[str], kind: int, offset: int = 0) -> FoundProvision:
    """The provision of a match of ``_provision_hits`` (of the given kind)."""
    groups = m.groups()  # one call instead of a group() call per name
    tail = groups[-1]
    if tail.endswith("này"):  # the tail holds no trailing whitespace (it ends with a word)
        scope = "internal"
    elif tail:
        scope = "external"  # the tail is never blank when it is not empty: it holds a word
    else:
        scope = "bare"
    if kind == _RANGE_KIND:
        range_kind, range_from, range_to, _ = groups
        bounds = [range_from, range_to]  # one list: only the field of the range's kind holds it
        return FoundProvision(
            text=m.group().strip(),
            start=m.start() - offset,
            articles=bounds if range_kind == "Điều" else [],
            clauses=bounds if range_kind == "khoản" else [],
            points=bounds if range_kind == "điểm" else [],
            scope=scope,
            range_kind=range_kind,
        )
    if kind == 1:
        points, clauses, art, _ = groups
    elif kind == 2:
        points = None
        clauses, art, _ = groups
    else:
        points = clauses = None
        art = groups[0]
    art = art[len("Điều") :].strip()
    if art == "này":
        articles = ["này"]
        scope = "internal"
    else:
        articles = [art] if art.isdigit() else _items(art)
    # A list of one item without the call: digits alone (one clause) or one letter (one point)
    # hold no whitespace and nothing _SPLIT splits at, so _items would give [raw].
    if not clauses:
        clauses = []
    elif clauses.isdigit():
        clauses = [clauses]
    else:
        clauses = _items(clauses)
    if not points:
        points = []
    elif len(points) == 1:
        points = [points]
    else:
        points = _items(points)
    # Positional (faster): text, start, articles, clauses, points, scope.
    return FoundProvision(m.group().strip(), m.start() - offset, articles, clauses, points, scope)


def find_provisions(text: str) -> list[FoundProvision]:
    if "Điều" not in text and "đến" not in text:
        return []
    return [_provision(m, kind) for m, kind in _provision_hits(text)]


# Joins segments for ``scan_provisions``: not a word character, not whitespace, not a comma, so
# PROVISION_RE neither matches across it nor sees a difference from the end of a text. The same
# character inside a segment is harmless: it is not taken for a boundary (segments are located
# by their lengths), and it stops a match there as it does in the segment alone.
_PROVISION_SEP = "\x00"


def scan_provisions(segments: list[str]) -> Iterator[tuple[int, FoundProvision]]:
    """(segment index, provision) for every provision mention of every segment, in order: the
    results of ``find_provisions`` per segment, from one regex pass over the whole document.

    Only the segments holding "Điều" or "đến" are joined and scanned: every match holds one of
    them (see ``_provision_hits``) and no match crosses a separator."""
    keep = [k for k, segment in enumerate(segments) if "Điều" in segment or "đến" in segment]
    if not keep:
        return
    kept = [segments[k] for k in keep]
    starts = []
    pos = 0
    for segment in kept:
        starts.append(pos)
        pos += len(segment) + 1  # + the separator
    for m, kind in _provision_hits(_PROVISION_SEP.join(kept)):
        i = bisect_right(starts, m.start()) - 1
        yield keep[i], _provision(m, kind, starts[i])


# --- Tokens -----------------------------------------------------------------------------------
_TOKEN_RE = re.compile(NUMBER_RE.pattern + r"|\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*|[^\s\w]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Words, numbers and punctuation; a document number ("35/2005/QH11") is one token."""
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


def parse_date_phrase(text: str) -> str | None:
    m = DATE_RE.search(text)
    return iso_date(*m.groups()) if m else None
