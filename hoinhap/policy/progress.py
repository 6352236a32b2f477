"""The status of a target, derived from its series — never typed.

Method (a linear variant of Open SDG's progress measure, https://open-sdg.readthedocs.io):

1. The series is the baseline (if its value is known, placed at 1 January of the baseline year)
   followed by the observations in date order. With fewer than two points — e.g. one observation
   and no baseline value — the status is "Chưa đủ dữ liệu".
2. The starting point is the baseline, or else the first observation; the current point is the
   latest observation.
3. If the current value meets the goal (≥ goal; ≤ goal; for "top N" ranks, rank ≤ N — lower is
   better), the target is "Đã đạt".
4. Otherwise the progress needed by now is the share of the whole gap (goal − start) that the
   elapsed time (start → current date) is of the whole period (start → 31 December of the target
   year), capped at the whole gap once the target year is past. The ratio of the change achieved
   (current − start) to the change needed by now, with the sign turned for lower-is-better targets,
   gives:
     ratio ≥ 0.95          "Đúng tiến độ"
     0.5 ≤ ratio < 0.95    "Cần đẩy nhanh"
     0 ≤ ratio < 0.5       "Tiến triển hạn chế"   (no change at all is limited progress)
     ratio < 0             "Đang xấu đi"          (moved away from the goal)
   Open SDG compares compound growth rates; the linear form is used here because counts may start
   at zero and ranks move by small integers. The thresholds are Open SDG's.
5. An indicator without a goal (a figure the Steering Committee follows, e.g. the number of
   agreements signed) gets "Chỉ số theo dõi": there is nothing to be on track to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

ON_TRACK_RATIO = 0.95
ACCELERATE_RATIO = 0.5

ACHIEVED = "achieved"
ON_TRACK = "on_track"
ACCELERATE = "accelerate"
LIMITED = "limited"
DETERIORATING = "deteriorating"
INSUFFICIENT = "insufficient"
MONITORING = "monitoring"

# code -> (label, css class of the badge, colour for the chart)
STATUSES = {
    ACHIEVED: ("Đã đạt", "st-achieved", "#1e7b34"),
    ON_TRACK: ("Đúng tiến độ", "st-on-track", "#2f9e44"),
    ACCELERATE: ("Cần đẩy nhanh", "st-accelerate", "#c98a00"),
    LIMITED: ("Tiến triển hạn chế", "st-limited", "#d9480f"),
    DETERIORATING: ("Đang xấu đi", "st-deteriorating", "#c92a2a"),
    INSUFFICIENT: ("Chưa đủ dữ liệu", "st-insufficient", "#868e96"),
    MONITORING: ("Chỉ số theo dõi", "st-monitoring", "#1c7ed6"),
}


@dataclass(frozen=True)
class Point:
    date: dt.date
    value: float


@dataclass(frozen=True)
class Assessment:
    code: str
    ratio: float | None = None  # achieved change / change needed by now
    start: Point | None = None
    current: Point | None = None
    needed_now: float | None = None  # the value that would be on track today
    explanation: str = ""

    @property
    def label(self) -> str:
        return STATUSES[self.code][0]

    @property
    def css(self) -> str:
        return STATUSES[self.code][1]

    @property
    def colour(self) -> str:
        return STATUSES[self.code][2]


def _years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def _fmt(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def meets(value: float, goal: float, comparator: str) -> bool:
    return value >= goal if comparator == "ge" else value <= goal


def assess(
    *,
    comparator: str,
    goal: float | Decimal | None,
    target_year: int | None,
    baseline_year: int,
    baseline_value: float | Decimal | None,
    observations: list[tuple[dt.date, float | Decimal]],
) -> Assessment:
    series = sorted((Point(d, float(v)) for d, v in observations), key=lambda p: p.date)
    if goal is None or not comparator or target_year is None:
        latest = series[-1] if series else None
        return Assessment(MONITORING, current=latest, explanation="Chỉ số không có giá trị mục tiêu.")
    goal = float(goal)
    points = (
        [Point(dt.date(baseline_year, 1, 1), float(baseline_value))] if baseline_value is not None else []
    )
    points += series
    if len(points) < 2 or not series:
        return Assessment(
            INSUFFICIENT,
            current=series[-1] if series else None,
            explanation="Cần ít nhất hai điểm số liệu (giá trị cơ sở và một quan sát, hoặc hai quan sát).",
        )
    start, current = points[0], series[-1]
    if meets(current.value, goal, comparator):
        return Assessment(
            ACHIEVED, start=start, current=current, explanation="Giá trị mới nhất đã đạt mục tiêu."
        )
    elapsed = _years(start.date, current.date)
    if elapsed <= 0:
        return Assessment(
            INSUFFICIENT, start=start, current=current, explanation="Các điểm số liệu cùng một ngày."
        )
    period = _years(start.date, dt.date(target_year, 12, 31))
    share = 1.0 if period <= 0 else min(1.0, elapsed / period)
    gap = goal - start.value
    needed = gap * share
    achieved = current.value - start.value
    needed_now = start.value + needed
    sign = -1.0 if comparator in ("le", "rank") else 1.0
    if sign * gap <= 0:
        # The start already met the goal and the latest value no longer does.
        return Assessment(
            DETERIORATING,
            ratio=None,
            start=start,
            current=current,
            needed_now=goal,
            explanation="Giá trị cơ sở đã đạt mục tiêu nhưng giá trị mới nhất không còn đạt.",
        )
    ratio = achieved / needed if needed else 0.0
    if ratio >= ON_TRACK_RATIO:
        code = ON_TRACK
    elif ratio >= ACCELERATE_RATIO:
        code = ACCELERATE
    elif ratio >= 0:
        code = LIMITED
    else:
        code = DETERIORATING
    explanation = (
        f"Từ {_fmt(start.value)} ({start.date:%d/%m/%Y}) đến {_fmt(current.value)} ({current.date:%d/%m/%Y}): "
        f"thay đổi {_fmt(achieved)}, cần {_fmt(needed)} để đúng lộ trình đạt {_fmt(goal)} vào năm {target_year} "
        f"(tỉ lệ {_fmt(ratio * 100)}%)."
    )
    return Assessment(
        code, ratio=ratio, start=start, current=current, needed_now=needed_now, explanation=explanation
    )


def assess_target(target, observations=None) -> Assessment:
    """``assess`` for a Target row (observations: an iterable of Observation rows, else the target's)."""
    rows = list(target.observations.all()) if observations is None else list(observations)
    return assess(
        comparator=target.comparator,
        goal=target.goal,
        target_year=target.target_year,
        baseline_year=target.baseline_year,
        baseline_value=target.baseline_value,
        observations=[(o.date, o.value) for o in rows],
    )
