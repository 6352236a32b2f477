"""Dev-set quality of the conclusions engine (../shared/data/eval-dev/conclusions).

Matching, as the eval README suggests: a predicted task matches a gold task when their quotes overlap
by at least half of the shorter one (greedy one-to-one, largest overlap first). Then, over matched
pairs: lead (names compared after resolution through the agency directory; collective addressees
compared as written, case- and diacritic-insensitively), due date (null included), coordinator sets
(micro F1 over matched pairs, names resolved the same way).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from hoinhap.engines.conclusions import extract
from hoinhap.engines.text.agencies import load_directory
from hoinhap.engines.text.normalize import fold

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
DEV = SHARED / "data" / "eval-dev" / "conclusions"
FILES = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="shared dev set not available")


def _canon(name: str | None, on: dt.date | None) -> str:
    if not name:
        return ""
    agency = load_directory().resolve(name, on=on)
    if agency is not None:
        return agency.code
    return re.sub(r"\s+", " ", fold(name)).strip(" ,;.")


def _span(text: str, quote: str, start: int | None = None) -> tuple[int, int]:
    if start is not None:
        return start, start + len(quote)
    i = text.find(quote)
    assert i >= 0, quote[:80]
    return i, i + len(quote)


def _match(text, gold_tasks, pred_tasks):
    gold_spans = [_span(text, g["quote"]) for g in gold_tasks]
    pred_spans = [(p["quote_start"], p["quote_end"]) for p in pred_tasks]
    pairs = []
    for gi, (gs, ge) in enumerate(gold_spans):
        for pi, (ps, pe) in enumerate(pred_spans):
            inter = min(ge, pe) - max(gs, ps)
            if inter <= 0:
                continue
            ratio = inter / min(ge - gs, pe - ps)
            if ratio >= 0.5:
                pairs.append((ratio, inter, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _ratio, _inter, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _evaluate():
    totals = dict(gold=0, pred=0, matched=0, lead_ok=0, due_ok=0, c_tp=0, c_pred=0, c_gold=0)
    problems: list[str] = []
    per_file = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        gold = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        result = extract(text).as_dict()
        on = dt.date.fromisoformat(gold["document"]["issued"]) if gold["document"].get("issued") else None
        preds = result["tasks"]
        for p in preds:
            assert text[p["quote_start"] : p["quote_end"]] == p["quote"]
        matches = _match(text, gold["tasks"], preds)
        totals["gold"] += len(gold["tasks"])
        totals["pred"] += len(preds)
        totals["matched"] += len(matches)
        matched_g = {gi for gi, _ in matches}
        matched_p = {pi for _, pi in matches}
        for gi, g in enumerate(gold["tasks"]):
            if gi not in matched_g:
                problems.append(f"{path.name}: missed   {g['lead']}: {g['quote'][:90]!r}")
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                problems.append(f"{path.name}: spurious {p['lead']}: {p['quote'][:90]!r}")
        for gi, pi in matches:
            g, p = gold["tasks"][gi], preds[pi]
            if g.get("collective") and p["collective"]:
                lead_ok = _canon(g["lead"], None) == re.sub(r"\s+", " ", fold(p["lead"])).strip(" ,;.")
            else:
                lead_ok = _canon(g["lead"], on) == _canon(p["lead"], on)
            totals["lead_ok"] += lead_ok
            if not lead_ok:
                problems.append(f"{path.name}: lead     gold {g['lead']!r} got {p['lead']!r}")
            due_ok = (g.get("due") or None) == (p["due"] or None)
            totals["due_ok"] += due_ok
            if not due_ok:
                problems.append(
                    f"{path.name}: due      gold {g.get('due')} got {p['due']} ({p['deadline_text']!r})"
                )
            gc = {_canon(c, on) for c in g.get("coordinators") or []}
            pc = {_canon(c, on) for c in p["coordinators"]}
            totals["c_tp"] += len(gc & pc)
            totals["c_gold"] += len(gc)
            totals["c_pred"] += len(pc)
            if gc != pc:
                problems.append(f"{path.name}: coords   gold {sorted(gc)} got {sorted(pc)}")
        per_file.append((path.name, len(gold["tasks"]), len(preds), len(matches)))
    return totals, problems, per_file


def _f1(tp, n_pred, n_gold):
    if n_pred == 0 and n_gold == 0:
        return 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_dev_quality(capsys):
    totals, problems, per_file = _evaluate()
    task_f1 = _f1(totals["matched"], totals["pred"], totals["gold"])
    matched = max(totals["matched"], 1)
    lead_acc = totals["lead_ok"] / matched
    due_acc = totals["due_ok"] / matched
    coord_f1 = _f1(totals["c_tp"], totals["c_pred"], totals["c_gold"])
    with capsys.disabled():
        print("\nconclusions dev set (file: gold / predicted / matched)")
        for name, g, p, m in per_file:
            print(f"  {name}: {g} / {p} / {m}")
        print(
            f"  tasks: gold {totals['gold']}, predicted {totals['pred']}, matched {totals['matched']}; "
            f"task F1 {task_f1:.3f}"
        )
        print(f"  lead right {lead_acc:.3f}, due right {due_acc:.3f}, coordinator F1 {coord_f1:.3f}")
        for line in problems:
            print("  -", line)
    assert task_f1 >= 0.90
    assert lead_acc >= 0.90
    assert due_acc >= 0.90
    assert coord_f1 >= 0.85
