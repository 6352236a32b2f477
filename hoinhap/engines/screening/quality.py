"""Quality figures of the engine on a labelled provisions file (eval-dev format)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hoinhap.engines.screening.basis import Basis, load_basis
from hoinhap.engines.screening.engine import FLAGS, screen_many

TARGETS = {"relevance_macro_f1": 0.85, "relevant_f1": 0.95, "flag_f1": 0.95, "main_group_accuracy": 0.80}


def _f1(tp: int, fp: int, fn: int) -> float | None:
    if tp + fp + fn == 0:
        return None
    return 2 * tp / (2 * tp + fp + fn)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(rows: Iterable[dict[str, Any]], basis: Basis | None = None) -> dict[str, Any]:
    rows = list(rows)
    b = basis or load_basis()
    preds = [a.to_dict() for a in screen_many(rows, b)]
    per_class = {}
    for c in (0, 1, 2):
        tp = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] == c and p["relevance"] == c)
        fp = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] != c and p["relevance"] == c)
        fn = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] == c and p["relevance"] != c)
        per_class[c] = _f1(tp, fp, fn) or 0.0
    tp = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] > 0 and p["relevance"] > 0)
    fp = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] == 0 and p["relevance"] > 0)
    fn = sum(1 for r, p in zip(rows, preds, strict=True) if r["relevance"] > 0 and p["relevance"] == 0)
    flags = {}
    for f in FLAGS:
        ftp = sum(1 for r, p in zip(rows, preds, strict=True) if f in r["flags"] and f in p["flags"])
        ffp = sum(1 for r, p in zip(rows, preds, strict=True) if f not in r["flags"] and f in p["flags"])
        ffn = sum(1 for r, p in zip(rows, preds, strict=True) if f in r["flags"] and f not in p["flags"])
        flags[f] = {"f1": _f1(ftp, ffp, ffn), "tp": ftp, "fp": ffp, "fn": ffn}
    rel = [(r, p) for r, p in zip(rows, preds, strict=True) if r["relevance"] > 0]
    main_ok = sum(1 for r, p in rel if p["task_groups"] and p["task_groups"][0] == r["task_groups"][0])
    return {
        "n": len(rows),
        "relevance_f1": per_class,
        "relevance_macro_f1": sum(per_class.values()) / 3,
        "relevant_f1": _f1(tp, fp, fn) or 0.0,
        "flags": flags,
        "main_group_accuracy": main_ok / len(rel) if rel else 0.0,
        "main_group_n": len(rel),
        "predictions": preds,
    }


def summary_lines(res: dict[str, Any]) -> list[str]:
    lines = [
        f"provisions={res['n']}",
        "relevance F1 per class: " + ", ".join(f"{c}={v:.3f}" for c, v in res["relevance_f1"].items()),
        f"relevance_macro_f1={res['relevance_macro_f1']:.3f} (target {TARGETS['relevance_macro_f1']})",
        f"relevant_f1={res['relevant_f1']:.3f} (target {TARGETS['relevant_f1']})",
        f"main_group_accuracy={res['main_group_accuracy']:.3f} on {res['main_group_n']} relevant "
        f"(target {TARGETS['main_group_accuracy']})",
    ]
    for f, v in res["flags"].items():
        f1 = "n/a (no case, no false alarm)" if v["f1"] is None else f"{v['f1']:.3f}"
        lines.append(f"flag {f}: F1={f1} tp={v['tp']} fp={v['fp']} fn={v['fn']}")
    return lines
