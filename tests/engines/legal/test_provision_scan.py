"""The fast provision-reference scan gives exactly what the plain PROVISION_RE scan gives, from the
regex matches up to the parser's provision references."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.legal import parser as P
from hoinhap.engines.legal import references as R
from hoinhap.engines.legal.model import ProvisionReference
from hoinhap.engines.legal.readers import read_bytes

_FRAGMENTS = [
    "khoản 1", "khoản 12", "khoản 1, 2", "khoản 3 và khoản 4", "điểm a", "điểm a, b", "điểm đ hoặc e",
    "điểm a và điểm b", "Điều 5", "Điều 5a", "Điều 12, Điều 13", "Điều 7 và 8", "Điều này", "Điều kiện",
    "từ Điều 2 đến Điều 4", "từ khoản 1 đến 3", "từ điểm a đến điểm c", "từ ngày", "từng", "đến",
    "đến Điều 9", "Luật này", "của Nghị định", "của Luật số 5", "Thông tư này", "Nghị định này", "này",
    "Bộ luật", "Hiến pháp", "theo", "quy định tại", "và", "hoặc", ",", ".", ";", ":", "(", ")", "“", "”",
    "\n", "\x00", "\t", "  ", "1", "23", "a", "đ", "b,", "5b", "12345", "ab", "Đ", "từĐiều 3",
]  # fmt: skip
_PIECE = st.one_of(st.sampled_from(_FRAGMENTS), st.sampled_from(list(" ,.;0123456789abcđxyĐ\n")))
TEXT = st.one_of(st.lists(_PIECE, max_size=40).map(" ".join), st.lists(_PIECE, max_size=40).map("".join))


def _old_provision(m, offset: int = 0) -> R.FoundProvision:
    """FoundProvision of a PROVISION_RE match, as it was built before the fast paths."""
    tail = m.group("tail") or ""
    tail_words = tail.strip()
    if tail_words.endswith("này"):
        scope = "internal"
    elif tail_words:
        scope = "external"
    else:
        scope = "bare"
    if m.group("range_kind"):
        kind = m.group("range_kind")
        return R.FoundProvision(
            text=m.group(0).strip(),
            start=m.start() - offset,
            articles=[m.group("range_from"), m.group("range_to")] if kind == "Điều" else [],
            clauses=[m.group("range_from"), m.group("range_to")] if kind == "khoản" else [],
            points=[m.group("range_from"), m.group("range_to")] if kind == "điểm" else [],
            scope=scope,
            range_kind=kind,
        )

    def items(raw):
        raw = (raw or "").strip()
        return [item for item in R._SPLIT.split(raw) if item] if raw else []

    art = m.group("art")[len("Điều") :].strip()
    articles = ["này"] if art == "này" else items(art)
    if art == "này":
        scope = "internal"
    return R.FoundProvision(m.group(0).strip(), m.start() - offset, articles, items(m.group("clauses")),
                            items(m.group("points")), scope)  # fmt: skip


def _old_find(text: str) -> list[R.FoundProvision]:
    return [_old_provision(m) for m in R.PROVISION_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_hits_are_the_plain_matches(text):
    hits = R._provision_hits(text)
    plain = list(R.PROVISION_RE.finditer(text))
    assert [(m.span(), m.group()) for m, _ in hits] == [(m.span(), m.group()) for m in plain]
    assert [m.groupdict() for m, _ in hits] == [
        {name: value for name, value in m.groupdict().items() if name in hit.re.groupindex}
        for m, (hit, _) in zip(plain, hits, strict=True)
    ]
    # The groups a per-word pattern lacks are None in PROVISION_RE's match.
    for m, (hit, _) in zip(plain, hits, strict=True):
        assert all(
            m.group(name) is None for name in R.PROVISION_RE.groupindex if name not in hit.re.groupindex
        )


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_find_provisions_as_before(text):
    assert R.find_provisions(text) == _old_find(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_scan_provisions_as_before(segments):
    expected = [(k, found) for k, segment in enumerate(segments) for found in _old_find(segment)]
    assert list(R.scan_provisions(segments)) == expected


def test_items_are_the_caller_s_own():
    first = R.find_provisions("khoản 1, 2 Điều 3")[0]
    first.clauses.append("x")
    assert R.find_provisions("khoản 1, 2 Điều 3")[0].clauses == ["1", "2"]


# --- The parser's provision references, against the computation they replace ----------------------
_HEADER = "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/2020/QH14\nHà Nội, ngày 1 tháng 2 năm 2020\nLUẬT\nTHỬ\n"


def _old_provisions(parser: P._Parser) -> list[ProvisionReference]:
    articles = {}
    for art in parser.articles:
        articles.setdefault(art.label, art)
    amending = bool(parser.doc.amends)
    out = []
    art = None
    for node in parser.nodes:
        if node.kind == "article":
            art = node
            segment = " ".join(filter(None, [node.title, node.text]))
        elif art is not None and node.kind in ("clause", "point"):
            segment = node.text
        else:
            continue
        for found in _old_find(segment):
            if found.scope == "external" or (found.scope == "bare" and amending):
                out.append(ProvisionReference(found.text, node.id, [], internal=False))
            else:
                out.append(ProvisionReference(found.text, node.id, _old_resolve(found, art, articles)))
    return out


def _old_resolve(found, current_article, articles) -> list[str]:
    if found.range_kind == "Điều":
        lo, hi = (P.label_number(x) for x in found.articles)
        if lo is None or hi is None:
            return []
        return [a.id for label, a in articles.items() if lo <= (P.label_number(label) or -1) <= hi]
    arts = (
        [current_article]
        if found.articles == ["này"]
        else [articles[x] for x in found.articles if x in articles]
    )
    if found.range_kind == "khoản":
        lo, hi = (int(x) for x in found.clauses)
        return [
            c.id
            for a in arts
            for c in a.children
            if c.kind == "clause" and lo <= (P.label_number(c.label) or 0) <= hi
        ]
    targets = []
    several = len(found.articles) > 1 and bool(found.clauses or found.points)
    first = articles.get(found.articles[0]) if several else None
    for art in arts:
        if several and art is not first:  # "khoản 1 Điều 4 và Điều 5": Điều 5 is cited whole
            targets.append(art.id)
            continue
        if not found.clauses:
            if found.points:
                targets.extend(p.id for p in art.children if p.kind == "point" and p.label in found.points)
            else:
                targets.append(art.id)
            continue
        for clause in art.children:
            if clause.kind != "clause" or clause.label not in found.clauses:
                continue
            if found.points:
                targets.extend(p.id for p in clause.children if p.kind == "point" and p.label in found.points)
            else:
                targets.append(clause.id)
    return targets  # fmt: skip


_LINE = st.lists(
    st.sampled_from(_FRAGMENTS[:30] + ["quy định tại", "theo", "sửa đổi, bổ sung", "x"]), max_size=8
)


@st.composite
def _documents(draw) -> str:
    lines = [_HEADER]
    for number in range(1, draw(st.integers(1, 6)) + 1):
        label = f"{number}{draw(st.sampled_from(['', '', 'a']))}"
        lines.append(f"Điều {label}. {' '.join(draw(_LINE))}")
        for clause in range(1, draw(st.integers(0, 4)) + 1):
            lines.append(f"{clause}. {' '.join(draw(_LINE))}")
            for point in "abcđ"[: draw(st.integers(0, 3))]:
                lines.append(f"{point}) {' '.join(draw(_LINE))}")
    return "\n".join(lines) + "\n"


def _parser(text: str) -> P._Parser:
    parser = P._Parser(read_bytes(text.encode(), "doc.txt").lines)
    parser.body(parser.header())
    parser.finish_title(parser.preamble_lines)
    parser.issuer()
    parser.effective()
    parser.references()
    return parser


@settings(max_examples=120, deadline=None)
@given(_documents())
def test_parser_provisions_as_before(text):
    parser = _parser(text)
    parser.provisions()
    assert parser.doc.provision_references == _old_provisions(parser)
