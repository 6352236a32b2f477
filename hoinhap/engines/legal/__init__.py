"""Legal normative documents: read DOCX, PDF, HTML and TXT into metadata, structure and references.

Plain Python (no Django). Entry points: ``parse_file(path)``, ``parse_bytes(data, filename)`` and
``parse_text(text)``; unreadable input raises ``LegalReadError`` with a Vietnamese message.
"""

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.model import Annex, Document, Node, ProvisionReference, Reference
from hoinhap.engines.legal.parser import DEFAULT_MAX_BYTES, parse_bytes, parse_file, parse_lines, parse_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Annex",
    "Document",
    "LegalReadError",
    "Node",
    "ProvisionReference",
    "Reference",
    "parse_bytes",
    "parse_file",
    "parse_lines",
    "parse_text",
]
