"""The derived status of a target (hoinhap.policy.progress): a documented method, never typed."""

from __future__ import annotations

import datetime as dt

import pytest

from hoinhap.policy.progress import assess

D = dt.date


def run(comparator, goal, observations, baseline=None, baseline_year=2025, target_year=2030):
    return assess(
        comparator=comparator,
        goal=goal,
        target_year=target_year,
        baseline_year=baseline_year,
        baseline_value=baseline,
        observations=observations,
    )


def test_no_data_and_one_observation_are_insufficient():
    assert run("ge", 40, []).code == "insufficient"
    one = run("ge", 40, [(D(2025, 6, 30), 20)])
    assert one.code == "insufficient" and one.label == "Chưa đủ dữ liệu"


def test_baseline_and_one_observation_are_enough():
    assert run("ge", 40, [(D(2026, 1, 1), 24)], baseline=20).code == "on_track"


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (40, "achieved"),
        (24, "on_track"),  # needed 20 + 20*1/6 ≈ 23.3 a year in
        (22.5, "accelerate"),
        (20.5, "limited"),
        (20, "limited"),  # no change at all
        (18, "deteriorating"),
    ],
)
def test_higher_is_better(latest, expected):
    result = run("ge", 40, [(D(2025, 1, 1), 20), (D(2026, 1, 1), latest)])
    assert result.code == expected


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (40, "achieved"),
        (38, "achieved"),
        (41, "on_track"),
        (43, "accelerate"),
        (44, "limited"),
        (47, "deteriorating"),
    ],
)
def test_rank_lower_is_better(latest, expected):
    # GII rank 44 → top 40 by 2030: four places in six years.
    observations = [(D(2025, 1, 1), 44), (D(2027, 1, 1), latest)]
    assert run("rank", 40, observations).code == expected


def test_at_most_target():
    assert run("le", 5, [(D(2025, 1, 1), 10), (D(2028, 1, 1), 7)]).code == "on_track"
    assert run("le", 5, [(D(2025, 1, 1), 10), (D(2028, 1, 1), 12)]).code == "deteriorating"


def test_start_met_goal_then_fell_back():
    result = run("rank", 40, [(D(2025, 1, 1), 38), (D(2026, 1, 1), 45)])
    assert result.code == "deteriorating"


def test_past_the_target_year_the_whole_gap_is_needed():
    result = run("ge", 40, [(D(2025, 1, 1), 20), (D(2032, 1, 1), 35)], target_year=2030)
    assert result.code == "accelerate"  # 15 of 20 = 0.75


def test_indicator_without_goal_is_monitoring():
    result = run("", None, [(D(2026, 1, 14), 927)], target_year=None)
    assert result.code == "monitoring" and result.label == "Chỉ số theo dõi"


def test_observations_out_of_order_are_sorted():
    result = run("ge", 40, [(D(2026, 1, 1), 24), (D(2025, 1, 1), 20)])
    assert result.code == "on_track" and result.start.value == 20


def test_explanation_in_vietnamese_number_format():
    result = run("ge", 40, [(D(2025, 1, 1), 20), (D(2026, 1, 1), 22.5)])
    assert "22,5" in result.explanation and "năm 2030" in result.explanation
