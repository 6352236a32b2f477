"""Chart data of a target page (Chart.js, linear x axis in years — no date adapter needed)."""

from __future__ import annotations

import datetime as dt

from hoinhap.policy.progress import Assessment


def _x(date: dt.date) -> float:
    start = dt.date(date.year, 1, 1)
    days = (dt.date(date.year + 1, 1, 1) - start).days
    return round(date.year + (date - start).days / days, 4)


def _point(date: dt.date, value) -> dict:
    return {"x": _x(date), "y": float(value), "label": date.strftime("%d/%m/%Y")}


def series(target, observations, assessment: Assessment) -> dict:
    observed = []
    if target.baseline_value is not None:
        point = _point(dt.date(target.baseline_year, 1, 1), target.baseline_value)
        point["label"] = f"Cơ sở {target.baseline_year}"
        observed.append(point)
    observed += [_point(o.date, o.value) for o in observations]
    data = {
        "unit": target.unit,
        "reverse": target.lower_is_better,
        "colour": assessment.colour,
        "observed": observed,
        "goal": [],
        "path": [],
        "x_min": target.baseline_year,
        "x_max": (target.target_year or max([target.baseline_year, *[o.date.year for o in observations]]))
        + 1,
    }
    if target.goal is not None and target.target_year:
        end = dt.date(target.target_year, 12, 31)
        goal = float(target.goal)
        data["goal"] = [
            {"x": target.baseline_year, "y": goal, "label": f"Mục tiêu {target.target_year}"},
            {"x": _x(end), "y": goal, "label": f"Mục tiêu {target.target_year}"},
        ]
        if assessment.start is not None:
            start = assessment.start
            data["path"] = [
                {"x": _x(start.date), "y": start.value, "label": start.date.strftime("%d/%m/%Y")},
                {"x": _x(end), "y": goal, "label": end.strftime("%d/%m/%Y")},
            ]
    return data
