"""``html_to_lines`` with its spaces-only fast path gives what the general whitespace collapse gives."""

from __future__ import annotations

import html as html_lib

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.legal.readers import html as H
from hoinhap.engines.text.encodings import normalize_text


def _reference(markup: str) -> list[str]:
    """The reader before the fast path: whitespace runs collapsed with str.split()."""
    markup = H._DROP.sub(" ", markup)
    if "\x00" not in markup:
        markup = H._TAG.sub("", H._BLOCK.sub("\x00", markup))
        markup = " ".join(markup.split()).replace("\x00", "\n")
    else:
        markup = H._TAG.sub("", H._BLOCK.sub("\n", " ".join(markup.split())))
    if "&" in markup:
        markup = html_lib.unescape(markup)
    lines = (line.strip() for line in normalize_text(markup).split("\n"))
    return [" ".join(line.split()) if "  " in line else line for line in lines if line]


_PIECES = [
    "<p>", "</p>", "<br>", "<BR/>", "<td class=x>", "<span>", "</span>", "<b\n>", "<", ">", "<!--", "-->",
    "<script>x</script>", "<ſection>", "&nbsp;", "&#10;", "&#9;", "&amp;", "Điều", "hoá", "khoẻ", "thuỷ",
    " ", "  ", "\n", "\r\n", "\t", "\xa0", "\u2003", "\x85", "\u2028", "\x0b", "\x1c", "\xad", "\u200b",
    "\x00", "\ufeff", "a", "b", ".",
]  # fmt: skip
MARKUP = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_html_to_lines_matches_reference(markup):
    assert H.html_to_lines(markup) == _reference(markup)


def test_only_spaces():
    assert H._only_spaces("a b  c\xad d")
    assert not H._only_spaces("a\xa0b")
    assert not H._only_spaces("a\xadb\u3000")
    assert not H._only_spaces("a\x00b")
    assert H._only_spaces("a\u200bb")
