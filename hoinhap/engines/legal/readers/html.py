"""HTML as published on the national legal databases.

The markup splits words across inline tags and lines ("Phạm" / "vi"), keeps the header in
tables and sometimes has no period after an article number. HTML whitespace is collapsible, so
every whitespace run becomes one space, inline tags are dropped without adding space, and block
tags (p, div, td, br, li, headings…) end a line.
"""

from __future__ import annotations

import html as html_lib
import re

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.readers import ReadResult
from hoinhap.engines.legal.readers.txt import decode_text
from hoinhap.engines.text.encodings import normalize_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_DROP = re.compile(r"<(script|style|head|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK = re.compile(
    r"<(?:/?(?:p|div|br|tr|td|th|li|ul|ol|table|tbody|thead|h[1-6]|section|article|blockquote|pre|"
    r"center|dd|dt|dl|hr|caption|body|html|title)\b)[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile("  +")
_OTHER_SPACE = re.compile(r"[^\S ]")


def _only_spaces(text: str) -> bool:
    """True when " " is the only whitespace character in ``text`` and there is no "\x00"."""
    if text.isprintable():  # " " is the only printable whitespace character
        return True
    if "\x00" in text:
        return False
    if "\xad" in text and text.replace("\xad", "-").isprintable():  # soft hyphens are common
        return True
    return _OTHER_SPACE.search(text) is None


def html_to_lines(markup: str) -> list[str]:
    markup = _DROP.sub(" ", markup)
    spaced = markup.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if _only_spaces(spaced):
        # Every whitespace run is a run of spaces; the tag patterns see whitespace only through
        # [^>] and \b, where all whitespace characters act alike. Same result as the next
        # branch, except that one space may be left at either end of the text (the line strip
        # drops it).
        markup = _TAG.sub("", _BLOCK.sub("\x00", spaced))
        markup = _SPACES.sub(" ", markup).replace("\x00", "\n")
    elif "\x00" not in markup:
        # Block tags become a marker and the other tags go first, so that the whitespace runs are
        # collapsed on the (much shorter) text without tags; the result is the same as below.
        markup = _TAG.sub("", _BLOCK.sub("\x00", markup))
        markup = " ".join(markup.split()).replace("\x00", "\n")
    else:
        # Every whitespace run becomes one space (str.split() splits on the characters \s matches;
        # the dropped leading and trailing space is stripped below anyway).
        markup = " ".join(markup.split())
        markup = _BLOCK.sub("\n", markup)
        markup = _TAG.sub("", markup)
    if "&" in markup:
        markup = html_lib.unescape(markup)
    markup = normalize_text(markup)
    out = []
    for raw in markup.split("\n"):
        line = raw.strip()
        if line:
            if "  " in line:
                line = " ".join(line.split())  # = _WS.sub(" ", line) on a stripped line
            out.append(line)
    return out


def read_html(data: bytes) -> ReadResult:
    warnings: list[str] = []
    encoding = None
    m = _CHARSET.search(data[:4096])
    text = None
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        try:
            text = data.decode(declared)
            encoding = declared
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding, warnings = decode_text(data)
    lines = html_to_lines(text)
    # The <title> of a saved page repeats the document name; it is not part of the document.
    if not lines:
        raise LegalReadError("Không đọc được tệp: trang HTML không có nội dung văn bản.")
    return ReadResult(lines=lines, format="html", encoding=encoding, warnings=warnings)
