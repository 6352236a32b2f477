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
from itertools import accumulate
from operator import add

from hoinhap.engines.legal.textutil import iso_date

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

# The last type word before a number is found by one forward ``search`` on the reversed text,
# starting at the number and going back; it finds the occurrence that ends last, which is the one
# that starts last (what the backtracking ``_LAST_TYPE_RE`` finds in the window before the number):
# - Type words are matched with (?<!\w)…(?!\w); every type word opens with a capital and every
#   later word in it is lower-case, so no two occurrences overlap unless they start together
#   ("Nghị quyết liên tịch" / "Nghị quyết"), where the one that ends last is the longer, which the
#   regex's alternation also prefers; no type word ends another one.
# - The lookarounds keep their meaning: on the reversed text (?<!\w) before a reversed word checks
#   the character after the word, (?!\w) after it the one before. ``endpos`` (the start of the
#   window) reads as the end of the text, as the start of the sliced window did. Where ``pos``
#   (the number's start) differs from the end of a slice no type word can end: NUMBER_RE wants no
#   word character before a number, and type words end in a letter.
_REV_TYPE_RE = re.compile(
    # Each reversed word opens with its first letter and looks behind it, so that the regex engine
    # can skip to those letters (see TREATY_RE).
    "|".join(
        f"{re.escape(w[-1])}(?<!\\w{re.escape(w[-1])}){re.escape(w[-2::-1])}(?!\\w)" for w in _TYPE_WORDS
    )
)
_TYPE_OF_REVERSED = {w[::-1]: w for w in _TYPE_WORDS}
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
# The relation verbs reversed, to search the lower-cased reversed text before a citing phrase: no
# verb holds another one, so the first found (the verb that ends last) is the one that starts last.
_REV_RELATION_RE = re.compile("|".join(re.escape(w[::-1]) for w in _RELATION_WORDS))
_RELATION_OF_REVERSED = {w[::-1]: w for w in _RELATION_WORDS}
# What _PASSIVE_BY ("một số…", "tại", "theo", "bởi") and _PHRASE (":", "các", "cụm", "từ") may open
# with after white space.
_PASSIVE_OR_PHRASE_HEADS = frozenset("mMtTbB:cC")
_SPLIT_SENTENCE = re.compile(r"[.;](?!\d)")


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


# Relations that may state the date they take effect.
_TIMED_RELATIONS = frozenset(
    ("bãi bỏ", "thay thế", "đình chỉ", "hết hiệu lực", "sửa đổi", "sửa đổi, bổ sung")
)
_EXPIRES = re.compile(r"^[^.;]{0,160}?hết hiệu lực")


def _expires(text: str, lo: int, hi: int) -> bool:
    """``_EXPIRES.match(text[lo:hi])``, with ``str.find``: the first "hết hiệu lực" decides, as any
    later one lies further and after the same "." or ";"."""
    at = text.find("hết hiệu lực", lo, hi)
    return 0 <= at - lo <= 160 and text.find(".", lo, at) < 0 and text.find(";", lo, at) < 0


def _sentence_end(text: str, lo: int, hi: int) -> int:
    """Where ``_SPLIT_SENTENCE`` first matches in ``text[lo:hi]`` (``hi`` if nowhere), with
    ``str.find``: a "." or ";" not followed by a decimal digit (what \\d matches)."""
    pos = lo
    while True:
        dot = text.find(".", pos, hi)
        semi = text.find(";", pos, hi)
        at = semi if dot < 0 or 0 <= semi < dot else dot
        if at < 0:
            return hi
        if at + 1 < hi and text[at + 1].isdecimal():
            pos = at + 1
            continue
        return at


def _from_date(text: str, lo: int, hi: int, odd_case: bool) -> re.Match[str] | None:
    """``_FROM_DATE.search(text, lo, hi)``, started where a match can first start.

    Every match holds "ngày"; in text without _CASE_ODD characters the regex matches a letter of
    "kể từ ngày" ignoring case exactly where ``str.lower`` gives that letter (checked over all
    characters in the tests), and lower-casing keeps positions. A match that holds a later "ngày"
    starts after the first one, and one that holds the first starts at its "từ" (or at a "kể"
    before that), with only white space between."""
    if odd_case:
        return _FROM_DATE.search(text, lo, hi)
    low = text[lo:hi].lower()
    at = low.find("ngày")
    if at < 0:
        return None
    start = at
    while start > 0 and low[start - 1].isspace():
        start -= 1
    if start < at and start >= 2 and low[start - 2 : start] == "từ":
        at = start = start - 2
        while start > 0 and low[start - 1].isspace():
            start -= 1
        if start < at and start >= 2 and low[start - 2 : start] == "kể":
            at = start - 2
    return _FROM_DATE.search(text, lo + at, hi)


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


_KEPT_NUMBER: dict[str, str | None] = {}


def _kept_number(raw: str) -> str | None:
    """The cleaned number of a NUMBER_RE match, or None when what follows its last "/" (the
    issuer's code) holds fewer than two letters (memoised)."""
    kept = _KEPT_NUMBER.get(raw, "")
    if kept != "":
        return kept
    number = _clean_number(raw)
    tail = number[number.rfind("/") + 1 :]
    letters = 0
    for ch in tail:
        if ch.isalpha():
            letters += 1
            if letters == 2:
                break
    kept = number if letters == 2 else None
    if len(_KEPT_NUMBER) > 4096:
        _KEPT_NUMBER.clear()
    _KEPT_NUMBER[raw] = kept
    return kept


def find_references(text: str, *, default_relation: str | None = None) -> list[FoundReference]:
    """Every document number in ``text`` with its type, citing phrase and stated relation."""
    if "/" not in text:
        return []
    return _references(
        text, text[::-1], _odd_case(text), _number_matches(text), 0, len(text), default_relation
    )


def _odd_case(text: str) -> bool:
    """Whether ``text`` holds a character that ``str.lower`` folds otherwise than the regex engine
    (see _CASE_ODD; "İ" is the one character whose lower case is longer)."""
    return "ı" in text or "ſ" in text or "İ" in text


def _references(
    text: str,
    rev: str,
    odd_case: bool,
    matches: Iterable[re.Match[str]],
    lo: int,
    hi: int,
    default_relation: str | None,
    skip: Callable[[int, str], bool] | None = None,
    k: int = 0,
) -> list[FoundReference]:
    """``find_references`` on ``text[lo:hi]``, given the NUMBER_RE matches that fall inside it and
    ``rev``, the reversed ``text``, and ``odd_case``, ``_odd_case(text)``; ``skip(k, number)``
    names numbers to leave out.

    Nothing looks outside ``[lo, hi)``, so a segment of a larger text gives the same result as the
    segment alone (offsets are relative to ``lo``)."""
    found: list[FoundReference] = []
    produced: set[str] = set()
    size = len(text)
    type_search = _REV_TYPE_RE.search
    relation_search = _REV_RELATION_RE.search
    relation_match = _RELATIONS.match
    w0, w1, w2, w3, w4, w5, w6, w7 = _RELATION_OF_REVERSED  # the reversed verbs
    prev_end = lo
    for m in matches:
        raw = m.group()  # NUMBER_RE's group 1 is the whole match
        number = _KEPT_NUMBER.get(raw, "")
        if number == "":
            number = _kept_number(raw)
        if number is None:
            continue
        start = m.start()
        end = start + len(number)
        if skip is not None:
            # The caller drops this number (seen here before): only the position matters.
            if number in produced or skip(k, number):
                prev_end = end
                continue
            produced.add(number)
        # The last type word in the 160 characters before the number (after the previous number).
        window_start = start - 160
        if window_start < prev_end:
            window_start = prev_end
        tm = type_search(rev, size - start, size - window_start)
        if tm is None:
            doc_type = _type_from_number(number)
            phrase_start = start
        else:
            doc_type = _TYPE_OF_REVERSED[tm.group()]
            phrase_start = size - tm.end()
            # A type word far away in a list ("các Quyết định: số 1719/QĐ-TTg, số 920/QĐ-TTg") is
            # still the type; the citing text is the short phrase before the number.
            if start - phrase_start > 120:
                if doc_type == "Luật" or doc_type == "Bộ luật":
                    doc_type = _type_from_number(number) or doc_type
                phrase_start = start
        # The relation: the last verb in the 120 characters before the phrase, within its sentence.
        relation = default_relation
        relation_gap = None
        rel_start = phrase_start - 120
        if rel_start < lo:
            rel_start = lo
        cut = text.rfind(";", rel_start, phrase_start)
        cut_stop = text.rfind(". ", rel_start, phrase_start)
        if cut_stop > cut:
            cut = cut_stop
        if cut >= 0:
            rel_start = cut + 1
        if relation is None:
            scan_end = phrase_start
            while scan_end > rel_start:
                if odd_case:
                    span = _last_relation(text[rel_start:scan_end])
                    if span is None:
                        break
                    verb_start = rel_start + span[0]
                    verb_end = rel_start + span[1]
                    verb = text[verb_start:verb_end].lower()
                else:
                    # As in ``_last_relation``, on lower-cased text (searched reversed): the verb
                    # that starts last, and the alternative of _RELATIONS the regex takes there.
                    low = rev[size - scan_end : size - rel_start].lower()
                    # Most scans hold no verb: eight substring tests say so faster than the search.
                    if not (
                        w0 in low
                        or w1 in low
                        or w2 in low
                        or w3 in low
                        or w4 in low
                        or w5 in low
                        or w6 in low
                        or w7 in low
                    ):
                        break
                    rm = relation_search(low)
                    verb = _RELATION_OF_REVERSED[rm.group()]
                    verb_start = scan_end - rm.end()
                    verb_end = verb_start + len(verb)
                    if verb == "sửa đổi" or verb == "hướng dẫn":  # the ones with longer alternatives
                        verb_end = relation_match(text, verb_start, scan_end).end()
                        verb = text[verb_start:verb_end].lower()
                if verb == "bổ sung":
                    # "sửa đổi, bổ sung" found from its end: the verb that starts last is "bổ sung".
                    lead = text[max(verb_start - 9, rel_start) : verb_start].lower()
                    if lead.endswith("sửa đổi, ") or lead.endswith("sửa đổi "):
                        verb = "sửa đổi, bổ sung"
                        verb_start -= 9 if lead.endswith(", ") else 8
                after = text[verb_end:phrase_start]
                # _PASSIVE_BY and _PHRASE are only tried when the first character after white
                # space is one that they may start with (ignoring case, checked in the tests).
                head = after.lstrip()[:1]
                if (
                    head in _PASSIVE_OR_PHRASE_HEADS
                    and (_PASSIVE_BY.match(after) or _PHRASE.match(after))
                    or verb == "hết hiệu lực"
                ):
                    scan_end = verb_start
                    continue
                relation = verb.replace("sửa đổi bổ sung", "sửa đổi, bổ sung")
                relation_gap = len(after.strip())
                break
        # What follows the number: the words below are looked for before slicing it.
        after_start = m.end()
        after_end = after_start + 240
        if after_end > hi:
            after_end = hi
        if (
            relation is None
            and text.find("hết hiệu lực", after_start, after_end) >= 0  # rare: a call saved
            and _expires(text, after_start, after_end)
        ):
            relation = "hết hiệu lực"
        date = None
        date_end = after_start + 12
        if text.find("ngày", after_start, date_end if date_end < after_end else after_end) >= 0:
            dm = _DATE_AFTER.match(text[after_start:after_end])
            if dm:
                date = iso_date(dm.group(1), dm.group(2), dm.group(3))
        relation_effective = None
        if relation in _TIMED_RELATIONS:
            fm = _from_date(text, after_start, _sentence_end(text, after_start, after_end), odd_case)
            if fm:
                relation_effective = iso_date(fm.group(1), fm.group(2), fm.group(3))
        found.append(
            FoundReference(  # positional (faster): the fields in their order
                number,
                doc_type,
                text[phrase_start:end],
                start - lo,
                end - lo,
                relation,
                relation_effective,
                date,
                relation_gap,
            )
        )
        prev_end = end
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
    """Where each segment starts in ``sep.join(segments)`` (``sep_len`` = ``len(sep)``)."""
    starts = list(accumulate(map(len, segments), initial=0))
    starts.pop()
    if sep_len:
        return list(map(add, starts, range(0, sep_len * len(starts), sep_len)))
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
        current = -1
        group: list[re.Match[str]] = []
        for m in _number_matches(text):
            k = bisect_right(starts, m.start()) - 1
            if k != current:  # the matches come in order: a segment's matches are consecutive
                current = k
                group = numbers[k] = []
            group.append(m)
    treaty_segments: set[int] = set()
    for hint in _TREATY_HINTS:
        at = text.find(hint)
        while at >= 0:
            treaty_segments.add(bisect_right(starts, at) - 1)
            at = text.find(hint, at + 1)
    rev = text[::-1] if numbers else ""
    odd_case = bool(numbers) and _odd_case(text)
    for k in sorted(numbers.keys() | treaty_segments):
        lo = starts[k]
        refs = (
            _references(
                text, rev, odd_case, numbers[k], lo, lo + len(segments[k]), default_relations[k], skip, k
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
