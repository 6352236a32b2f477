"""The `hoinhap screen` contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hoinhap.engines.screening.cli import main

from .conftest import DEV

KEYS = ["id", "relevance", "score", "task_groups", "flags", "evidence", "suggestions"]


def test_jsonl_json_contract(dev_rows, capsys):
    assert main([str(DEV), "--json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(dev_rows)
    for line, row in zip(out, dev_rows, strict=True):
        d = json.loads(line)
        assert list(d) == KEYS and d["id"] == row["id"]


def test_console_script(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(
        json.dumps(
            {
                "id": "a",
                "doc_number": "1",
                "doc_title": "Luật X",
                "doc_type": "Luật",
                "label": "Điều 1",
                "text": "Nhà đầu tư nước ngoài được bảo hộ quyền sở hữu tài sản.",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    r = subprocess.run(
        [sys.executable, "-m", "hoinhap.cli", "screen", str(f), "--json"], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["relevance"] == 2 and d["task_groups"][0] == "NV2"


def test_bad_input(tmp_path, capsys):
    assert main([str(tmp_path / "none.jsonl"), "--json"]) == 2
    assert "không tìm thấy" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "a"}\n{"id": 2,\n', encoding="utf-8")
    assert main([str(bad), "--json"]) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and "dòng 2" in cap.err and len(cap.err.strip().splitlines()) == 1
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"id": 1, "text": "a"}\n\n{"id": 3}\n', encoding="utf-8")
    assert main([str(missing), "--json"]) == 2
    err = capsys.readouterr().err
    assert "dòng 3" in err and "text" in err


def test_expired_file(tmp_path, capsys):
    f = tmp_path / "p.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "Theo Nghị định số 02/2017/NĐ-CP của Chính phủ."}) + "\n",
        encoding="utf-8",
    )
    exp = tmp_path / "expired.txt"
    exp.write_text("02/2017/NĐ-CP 09/2025/NĐ-CP\n", encoding="utf-8")
    assert main([str(f), "--json", "--expired", str(exp)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["flags"] == ["expired_reference"]


def test_document_ranked(capsys):
    doc = Path(DEV).parents[1] / "legal" / "nd-302-2025-cp.txt"
    assert main([str(doc), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sàng lọc ") and "  1. [" in out
