"""Quality on the labelled dev provisions: the figures of issue 5 (printed, then asserted)."""

from __future__ import annotations

from hoinhap.engines.screening.quality import TARGETS, evaluate, summary_lines


def test_dev_quality(dev_rows, basis, capsys):
    res = evaluate(dev_rows, basis)
    with capsys.disabled():
        print("\n" + "\n".join("  " + line for line in summary_lines(res)))
    assert res["relevance_macro_f1"] >= TARGETS["relevance_macro_f1"]
    assert res["relevant_f1"] >= TARGETS["relevant_f1"]
    assert res["main_group_accuracy"] >= TARGETS["main_group_accuracy"]
    for flag, v in res["flags"].items():
        # a flag with no case in the file must raise no false alarm either
        assert v["f1"] is None or v["f1"] >= TARGETS["flag_f1"], (flag, v)
