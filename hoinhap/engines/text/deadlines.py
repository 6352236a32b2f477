"""Vietnamese deadline phrases ("rõ thời gian") -> a kind and, where the phrase states one, a date.

``parse_deadline(text, reference)`` reads a deadline phrase (or a short text holding one) and returns a
``Deadline``; ``find_deadline(sentence, reference)`` locates the phrase that sets the deadline of an
assigning sentence and returns it with its offsets in ``sentence``.

Forms understood (with or without diacritics, either tone convention, any case):

- exact date: "trước ngày 20/10/2025", "trước ngày 20 tháng 10 năm 2025", "ngày 15/01/2026",
  "chậm nhất là ngày 05-12-2025"; without a year ("trước 31/12", "trước ngày 15 tháng 12") the next such
  date on or after the reference date;
- month: "trong tháng 11 năm 2025", "tháng 12/2025", "tháng 11" (year from the reference);
- quarter: "quý I/2026", "quý IV năm 2025", "quý 2/2026", "quý IV" (year from the reference);
- half year: "6 tháng đầu năm 2026", "6 tháng cuối năm", "nửa đầu năm 2026";
- year: "năm 2026", "trong năm 2026", "cuối năm 2025", "trong năm nay";
- recurring: "hằng năm"/"hàng năm", "định kỳ 6 tháng", "hằng quý", "hằng tháng", "định kỳ hằng năm";
- ongoing: "thường xuyên"; as soon as possible: "khẩn trương", "sớm", "ngay" (no date);
- nothing: kind "none". A phrase that looks like a deadline but does not parse (an invalid date such as
  "31/02/2026", "đầu năm 2026", "trong 15 ngày") is kind "unparsed" with ``due=None`` — never a made-up date.

``due`` is the exact date, or the last day of the month / quarter / half year / year. "trước" before a
month, quarter or year ("trước tháng 6/2026") is read literally: the last day before that period begins.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from hoinhap.engines.text.normalize import fold

__all__ = ["KINDS", "PERIODS", "Deadline", "find_deadline", "parse_deadline"]

KINDS = ("date", "month", "quarter", "half_year", "year", "recurring", "ongoing", "asap", "none", "unparsed")
PERIODS = ("yearly", "half_yearly", "quarterly", "monthly")


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: str
    due: dt.date | None = None
    start: dt.date | None = None
    period: str | None = None
    text: str = ""

    @property
    def has_date(self) -> bool:
        return self.due is not None

    @property
    def is_clear(self) -> bool:
        """False for "unparsed" (the task is flagged "thời hạn chưa rõ")."""
        return self.kind != "unparsed"


NONE = Deadline("none")


# --------------------------------------------------------------------------- folding with offsets


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` char by char; ``index[i]`` is the offset in ``text`` of folded char ``i``.

    Works on NFC and on decomposed input alike (combining marks are dropped and keep no index).
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if unicodedata.combining(ch):
            continue
        f = fold(ch)
        if not f:
            continue
        out.append(f[0])
        index.append(i)
    return "".join(out), index


def _span(index: list[int], text_len: int, start: int, end: int) -> tuple[int, int]:
    """Map a folded span back to the original text (end exclusive; trailing combining marks included)."""
    o_start = index[start] if start < len(index) else text_len
    o_end = index[end] if end < len(index) else text_len
    return o_start, o_end


# --------------------------------------------------------------------------- patterns (on folded text)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_SEP = r"(?:\s*(?:,\s*)?nam\s+|\s*[/\-.]\s*)"
_B = r"(?<![\w/.\-])"  # left boundary of a number
_E = r"(?![\w/])"  # right boundary

_CORE = re.compile(
    r"(?P<dw>(?:ngay\s+)?(?P<dw_d>\d{1,2})\s+thang\s+(?P<dw_m>\d{1,2})(?:" + _YEAR_SEP + r"(?P<dw_y>\d{4}))?"
    r"(?!\s*[/\-]\s*\d))"
    r"|(?P<dn>(?:ngay\s+)?" + _B + r"(?P<dn_d>\d{1,2})\s?(?P<dn_s>[/\-.])\s?(?P<dn_m>\d{1,2})"
    r"(?:\s?(?P=dn_s)\s?(?P<dn_y>\d{4}|\d{2}))?" + _E + r")"
    r"|(?P<hy>(?:(?:0?6|sau)\s+thang|nua)\s+(?P<hy_w>dau|cuoi)\s+nam(?:\s*(?:[/\-]\s*|nam\s+)?(?P<hy_y>\d{4}))?"
    r"(?:\s+(?P<hy_now>nay))?)"
    r"|(?P<mo>thang\s+(?P<mo_m>\d{1,2})(?:" + _YEAR_SEP + r"(?P<mo_y>\d{4}))?" + _E + r")"
    r"|(?P<qu>quy\s+(?P<qu_q>iv|iii|ii|i|[1-4])(?![\w])(?:"
    + _YEAR_SEP
    + r"(?P<qu_y>\d{4}))?(?:\s+(?P<qu_now>nay))?)"
    r"|(?P<yr>nam\s+(?:(?P<yr_y>\d{4})(?!\s*[\-–]\s*\d)" + _E + r"|(?P<yr_now>nay)\b))"
    r"|(?P<rc>(?:dinh\s+ky\s+)?(?:hang|moi)\s+(?P<rc_u>nam|quy|thang)\b"
    r"|dinh\s+ky\s+(?:(?P<rc_n>\d{1,2}|sau|ba|mot)\s+thang(?:\s+(?:mot|1)\s+lan)?|(?P<rc_u2>nam|quy|thang)\b)"
    r"|(?P<rc_n2>\d{1,2}|sau|ba)\s+thang\s+(?:mot|1)\s+lan)"
    r"|(?P<og>thuong\s+xuyen|lien\s+tuc|hang\s+ngay)"
    r"|(?P<as>khan\s+truong|som\s+nhat\s+co\s+the|cang\s+som\s+cang\s+tot|som|ngay\s+lap\s+tuc|ngay)"
    r"|(?P<rel>(?:trong\s+(?:vong\s+|thoi\s+han\s+)?)\d{1,3}\s+(?:ngay|tuan|thang)(?!\s+(?:dau|cuoi)\s+nam)(?:\s+lam\s+viec)?)",
)
_WORD_BOUND_BEFORE = re.compile(r"[\w]$")

# Markers before a core (tested on the folded text that ends where the core begins).
_MARKER = re.compile(
    r"\b(?:(?P<pre>hoan\s+thanh|xong|ket\s+thuc)\s+)?(?P<m>truoc|trong"
    r"|cham\s+nhat(?:\s+la)?(?:\s+vao)?|khong\s+(?:muon|cham)\s+hon|han\s+chot(?:\s+la)?"
    r"|(?:thoi\s+)?han(?:\s+hoan\s+thanh)?(?:\s+la)?\s*:?|thoi\s+gian\s+hoan\s+thanh\s*:?"
    r"|hoan\s+thanh(?:\s+vao)?|xong|den\s+het|vao\s+cuoi|cuoi)\s+$"
)
_STRONG = {"truoc", "cham", "khong", "han", "thoi", "hoan", "xong", "den", "ket"}
_ASAP_WORDS = {"khan truong", "som", "ngay", "som nhat co the", "cang som cang tot", "ngay lap tuc"}


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _valid_year(y: int) -> bool:
    return 1900 <= y <= 2200


def _ref(reference: dt.date | None) -> dt.date:
    return reference or dt.date.today()


@dataclass(slots=True)
class _Candidate:
    start: int  # folded offsets of the whole phrase (marker included)
    end: int
    core_start: int
    kind: str
    due: dt.date | None
    start_date: dt.date | None
    period: str | None
    marker: str | None
    explicit_year: bool

    def rank(self) -> float:
        strong = self.marker is not None and self.marker.split()[0] in _STRONG
        if self.kind in ("date", "month", "quarter", "half_year", "year", "unparsed"):
            if self.marker is None:
                return (
                    1.0
                    if self.kind in ("quarter", "half_year") or (self.kind == "month" and self.explicit_year)
                    else 0.0
                )
            return 3.0 if strong else 2.0
        if self.kind == "recurring":
            return 1.5
        if self.kind == "ongoing":
            return 0.8
        return 0.5  # asap


def _interpret(
    m: re.Match[str], ref: dt.date, before: bool
) -> tuple[str, dt.date | None, dt.date | None, str | None, bool]:
    """(kind, due, start, period, explicit_year) for one core match."""
    g = m.groupdict()
    if g["dw"] is not None or g["dn"] is not None:
        if g["dw"] is not None:
            d, mo, y = g["dw_d"], g["dw_m"], g["dw_y"]
        else:
            d, mo, y = g["dn_d"], g["dn_m"], g["dn_y"]
        day, month = int(d), int(mo)
        if y is not None:
            year = int(y) + (2000 if len(y) == 2 else 0)
            try:
                date = dt.date(year, month, day)
            except ValueError:
                return "unparsed", None, None, None, True
            return "date", date, None, None, True
        # No year: the next such date on or after the reference.
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return "unparsed", None, None, None, False
        for year in (ref.year, ref.year + 1, ref.year + 2, ref.year + 3, ref.year + 4):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue  # 29/02 in a common year: the next leap year
            if date >= ref:
                return "date", date, None, None, False
        return "unparsed", None, None, None, False
    if g["hy"] is not None:
        explicit = g["hy_y"] is not None
        year = int(g["hy_y"]) if explicit else ref.year
        if not _valid_year(year):
            return "unparsed", None, None, None, explicit
        if g["hy_w"] == "dau":
            start, due = dt.date(year, 1, 1), dt.date(year, 6, 30)
        else:
            start, due = dt.date(year, 7, 1), dt.date(year, 12, 31)
        if before:
            due = start - dt.timedelta(days=1)
        return "half_year", due, start, None, explicit
    if g["mo"] is not None:
        month = int(g["mo_m"])
        explicit = g["mo_y"] is not None
        if not 1 <= month <= 12:
            return "unparsed", None, None, None, explicit
        if explicit:
            year = int(g["mo_y"])
            if not _valid_year(year):
                return "unparsed", None, None, None, True
        else:
            year = ref.year if month >= ref.month else ref.year + 1
        start, due = dt.date(year, month, 1), _last_day(year, month)
        if before:
            due = start - dt.timedelta(days=1)
        return "month", due, start, None, explicit
    if g["qu"] is not None:
        q = _ROMAN[g["qu_q"]]
        explicit = g["qu_y"] is not None
        if explicit:
            year = int(g["qu_y"])
            if not _valid_year(year):
                return "unparsed", None, None, None, True
        else:
            ref_q = (ref.month - 1) // 3 + 1
            year = ref.year if (q >= ref_q or g["qu_now"]) else ref.year + 1
        start, due = dt.date(year, 3 * q - 2, 1), _last_day(year, 3 * q)
        if before:
            due = start - dt.timedelta(days=1)
        return "quarter", due, start, None, explicit
    if g["yr"] is not None:
        explicit = g["yr_y"] is not None
        year = int(g["yr_y"]) if explicit else ref.year
        if not _valid_year(year):
            return "unparsed", None, None, None, explicit
        start, due = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if before:
            due = start - dt.timedelta(days=1)
        return "year", due, start, None, explicit
    if g["rc"] is not None:
        unit = g["rc_u"] or g["rc_u2"]
        n = g["rc_n"] or g["rc_n2"]
        if unit:
            period = {"nam": "yearly", "quy": "quarterly", "thang": "monthly"}[unit]
        else:
            months = {"sau": 6, "ba": 3, "mot": 1}.get(n) or int(n)
            period = {12: "yearly", 6: "half_yearly", 3: "quarterly", 1: "monthly"}.get(months)
        if period is None:
            return "unparsed", None, None, None, False
        return "recurring", None, None, period, False
    if g["og"] is not None:
        return "ongoing", None, None, None, False
    if g["as"] is not None:
        return "asap", None, None, None, False
    return "unparsed", None, None, None, False


def _candidates(folded: str, original: str, index: list[int], ref: dt.date) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _CORE.finditer(folded):
        s, e = m.span()
        if s > 0 and _WORD_BOUND_BEFORE.search(folded[s - 1 : s]) and not folded[s - 1].isdigit():
            continue  # inside a word
        if e < len(folded) and folded[e].isalpha():
            continue
        if m.group("as") is not None:
            word = m.group("as")
            if word == "ngay":
                o_s, o_e = _span(index, len(original), s, e)
                surface = unicodedata.normalize("NFC", original[o_s:o_e])
                if surface.lower() != "ngay":
                    continue  # "ngày" (day), not "ngay" (at once)
                if re.match(r"\s*(?:\d|mai|hom|nay|thang|cang|sau|tu|khi)", folded[e : e + 6]):
                    continue
            if word == "som" and re.match(r"\s*(?:hon|muon)", folded[e : e + 5]):
                continue
        marker = None
        start = s
        mm = _MARKER.search(folded[max(0, s - 48) : s])
        if mm is not None:
            marker = re.sub(r"\s+", " ", mm.group("m")).strip().rstrip(":").strip()
            if mm.group("pre"):
                marker = mm.group("pre").split()[0] + " " + marker  # ranks as strong; text keeps "trong …"
            start = s - (len(folded[max(0, s - 48) : s]) - mm.start("m"))
        words = marker.split() if marker else []
        before = bool(words) and words[-1] == "truoc" and m.group("dw") is None and m.group("dn") is None
        kind, due, start_date, period, explicit = _interpret(m, ref, before)
        if before:
            start_date = None
        if kind in ("year", "quarter", "month") and re.search(
            r"\b(?:dau|giua)\s+$", folded[max(0, s - 8) : s]
        ):
            kind, due, start_date = "unparsed", None, None  # "đầu năm 2026", "giữa quý II": no definite date
        if m.group("rel") is not None:
            kind, due, start_date, period = "unparsed", None, None, None
            start = s
            marker = "trong"
        if kind in ("recurring", "ongoing", "asap"):
            start = s
            marker = None
        out.append(_Candidate(start, e, s, kind, due, start_date, period, marker, explicit))
    return out


def _qualifies_object(folded: str, cand: _Candidate) -> bool:
    """A period that qualifies the object or is a range, not a deadline of the task."""
    head = folded[max(0, cand.start - 40) : cand.start]
    if cand.marker and cand.marker.split()[-1] == "trong" and re.search(r"\bduoc(?:\s+\w+){0,3}\s*$", head):
        return True  # "các nhiệm vụ được giao trong năm 2025"
    if re.search(
        r"\btu\s+(?:ngay\s+|thang\s+|quy\s+|nam\s+)?[\w/ ]{1,20}\s+den(?:\s+het)?\s*$",
        folded[max(0, cand.core_start - 40) : cand.core_start],
    ):
        return True  # "từ năm 2021 đến hết năm 2025"
    if re.search(r"(?:\bso\s+[\w/.\-]+\s+|\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+)$", head):
        return True
    tail = folded[cand.end : cand.end + 12]
    return bool(
        cand.kind in ("year", "quarter", "month") and re.match(r"\s*(?:-|–|den)\s*(?:nam\s+)?\d{4}", tail)
    )


def _to_deadline(
    cand: _Candidate, original: str, index: list[int], others: list[_Candidate] = ()
) -> tuple[Deadline, int, int]:
    kind, due, start_date, period = cand.kind, cand.due, cand.start_date, cand.period
    f_start, f_end = cand.start, cand.end
    if kind in ("date", "month", "quarter") and not cand.explicit_year:
        # "hằng năm, trước ngày 15/12": a recurring deadline whose next occurrence is that date.
        for other in others:
            if other.kind == "recurring" and abs(other.core_start - cand.core_start) <= 60:
                kind, period = "recurring", other.period
                f_start, f_end = min(f_start, other.start), max(f_end, other.end)
                break
    o_s, o_e = _span(index, len(original), f_start, f_end)
    phrase = original[o_s:o_e]
    return Deadline(kind, due, start_date, period, phrase), o_s, o_e


def find_deadline(sentence: str, reference: dt.date | None = None) -> tuple[Deadline, int, int] | None:
    """The phrase setting the deadline of an assigning sentence, with its offsets in ``sentence``.

    Dates without a deadline marker ("trước", "chậm nhất", "trong", "hoàn thành", "hạn"…) are citations or
    background ("Chỉ thị số 13/CT-TTg ngày 17 tháng 5 năm 2025", "Luật … năm 2020") and are ignored; a
    quarter, half year or month-with-year standing alone is accepted. Among several, the most specific
    deadline wins (a dated "trước ngày …" over "khẩn trương"), the last one on a tie.
    """
    if not sentence or not sentence.strip():
        return None
    folded, index = _fold_with_map(sentence)
    ref = _ref(reference)
    best: _Candidate | None = None
    best_rank = 0.0
    cands = _candidates(folded, sentence, index, ref)
    for cand in cands:
        rank = cand.rank()
        if rank <= 0 or _qualifies_object(folded, cand):
            continue
        if (
            cand.marker is None
            and cand.kind in ("quarter", "half_year", "month")
            and not re.match(r"\s*(?:[.;,)]|$)", folded[cand.end : cand.end + 3])
        ):
            continue  # a bare period inside a phrase qualifies its object ("sơ kết 6 tháng đầu năm 2025 và …")
        if best is None or rank >= best_rank:
            best, best_rank = cand, rank
    if best is None:
        return None
    return _to_deadline(best, sentence, index, cands)


def parse_deadline(text: str, reference: dt.date | None = None) -> Deadline:
    """Read a deadline phrase. Empty -> kind "none"; unreadable -> kind "unparsed" with ``due=None``."""
    if text is None or not str(text).strip():
        return NONE
    text = str(text)
    folded, index = _fold_with_map(text)
    ref = _ref(reference)
    cands = _candidates(folded, text, index, ref)
    if cands:
        # The phrase is the deadline: prefer marked candidates, then the most specific, then the first.
        best = max(cands, key=lambda c: (max(c.rank(), 1.0 if c.kind != "asap" else 0.5), -c.start))
        return _to_deadline(best, text, index, cands)[0]
    if re.fullmatch(r"[\s.,;:()\-–]*(?:khong\s+co|khong|chua\s+co)?[\s.,;:()\-–]*", folded):
        return NONE
    return Deadline("unparsed", None, None, None, text.strip())
