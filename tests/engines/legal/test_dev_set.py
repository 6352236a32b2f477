"""Every field of every dev-set label (see ../shared/data/eval-dev/README.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata

import pytest

from hoinhap.engines.legal import parse_file

from .conftest import expected_files, source_of

CASES = expected_files()


def _key(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


@pytest.fixture(scope="module", params=CASES, ids=[p.name.split(".")[0] for p in CASES])
def case(request):
    expected = json.loads(request.param.read_text(encoding="utf-8"))
    return expected, parse_file(source_of(request.param))


def test_dev_set_present():
    assert len(CASES) >= 7


def test_metadata(case):
    expected, doc = case
    assert doc.number == expected["number"]
    assert doc.type == expected["type"]
    assert doc.issuer == expected["issuer"]
    assert doc.issued == expected["issued"]
    assert _key(doc.title) == _key(expected["title"])
    if "title_heading" in expected:
        assert _key(doc.title_heading) == _key(expected["title_heading"])


def test_counts(case):
    expected, doc = case
    assert doc.count("chapter") == expected["chapters"]
    if "sections" in expected:
        assert doc.count("section") == expected["sections"]
    assert doc.count("article") == expected["articles"]
    assert doc.count("clause") == expected["clauses"]
    assert doc.count("point") == expected["points"]


def test_first_and_last_article(case):
    expected, doc = case
    articles = doc.articles()
    assert articles
    for which, node in (("first_article", articles[0]), ("last_article", articles[-1])):
        assert node.label == expected[which]["label"]
        assert node.title == expected[which]["title"]


def test_references_sample(case):
    expected, doc = case
    found = {ref.number for ref in doc.references}
    assert set(expected["references_sample"]) <= found


def test_ids_unique_and_nested(case):
    _, doc = case
    ids = [node.id for node in doc.nodes()]
    assert len(ids) == len(set(ids))
    for node in doc.nodes():
        for child in node.children:
            assert child.id.startswith(node.id + "__")


def test_no_warnings_on_clean_documents(case):
    _, doc = case
    assert doc.warnings == []


def test_cli_json_contract():
    path = source_of(CASES[0])
    result = subprocess.run(
        [sys.executable, "-m", "hoinhap.cli", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in (
        "number",
        "type",
        "issuer",
        "issued",
        "title",
        "place",
        "structure",
        "references",
        "warnings",
    ):
        assert key in data
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["issued"])
    node = data["structure"][0]
    assert set(node) >= {"kind", "label", "title", "text", "children"}
    assert node["kind"] in ("part", "chapter", "section", "subsection", "article", "clause", "point")
    for ref in data["references"]:
        assert set(ref) >= {"number", "type", "text"}


def test_cli_outline():
    path = source_of(CASES[0])
    result = subprocess.run(
        [sys.executable, "-m", "hoinhap.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert "Điều 1." in result.stdout
    year, month, day = parse_file(path).issued.split("-")
    assert f"{day}/{month}/{year}" in result.stdout  # dates as Vietnamese readers write them
