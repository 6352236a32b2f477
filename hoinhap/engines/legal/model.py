"""Document, Node, Reference: what the parser produces (JSON-ready through ``to_dict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("part", "chapter", "section", "subsection", "article", "clause", "point")


@dataclass(slots=True)
class Node:
    kind: str
    label: str
    title: str | None = None
    text: str = ""
    children: list[Node] = field(default_factory=list)
    id: str = ""
    line: int = 0  # index of the heading line in the document's lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "id": self.id,
            "children": [child.to_dict() for child in self.children],
        }

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Reference:
    """A document cited by number (or a treaty cited by name)."""

    number: str | None
    type: str | None
    text: str
    node: str | None = None  # node id, or "title" / "preamble" / "annex_N"
    relation: str | None = None
    relation_effective: str | None = None  # ISO date the relation takes effect, when stated
    date: str | None = None  # issue date of the cited document, when written after its number
    relation_gap: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "type": self.type,
            "text": self.text,
            "node": self.node,
            "relation": self.relation,
            "relation_effective": self.relation_effective,
            "date": self.date,
        }


@dataclass(slots=True)
class ProvisionReference:
    """ "khoản 1 Điều 5 Luật này" -> node ids inside the same document."""

    text: str
    node: str | None  # where the mention occurs
    targets: list[str] = field(default_factory=list)
    internal: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "node": self.node, "targets": self.targets, "internal": self.internal}


@dataclass(slots=True)
class Annex:
    label: str | None
    title: str | None
    text: str
    id: str = ""
    # The articles of a regulation issued with the document ("Quy chế … ban hành kèm theo"), with
    # ids under the annex's own ("annex_attached__chp_1__art_1"); empty for other annexes.
    structure: list[Node] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "structure": [node.to_dict() for node in self.structure],
        }


@dataclass(slots=True)
class Document:
    number: str | None = None
    type: str | None = None
    issuer: str | None = None
    issued: str | None = None
    title: str | None = None
    title_heading: str | None = None
    place: str | None = None
    signer: str | None = None
    signer_position: str | None = None
    effective: str | None = None
    preamble: str = ""
    structure: list[Node] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    provision_references: list[ProvisionReference] = field(default_factory=list)
    amends: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    repeals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_format: str | None = None
    encoding: str | None = None

    def nodes(self) -> list[Node]:
        """Every node in document order."""
        out: list[Node] = []
        stack = list(reversed(self.structure))
        while stack:
            node = stack.pop()
            out.append(node)
            if node.children:
                stack.extend(reversed(node.children))
        return out

    def count(self, kind: str) -> int:
        return sum(1 for node in self.nodes() if node.kind == kind)

    def articles(self) -> list[Node]:
        return [node for node in self.nodes() if node.kind == "article"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "type": self.type,
            "issuer": self.issuer,
            "issued": self.issued,
            "title": self.title,
            "place": self.place,
            "structure": [node.to_dict() for node in self.structure],
            "references": [ref.to_dict() for ref in self.references],
            "warnings": list(self.warnings),
            "title_heading": self.title_heading,
            "signer": self.signer,
            "signer_position": self.signer_position,
            "effective": self.effective,
            "amends": list(self.amends),
            "replaces": list(self.replaces),
            "repeals": list(self.repeals),
            "preamble": self.preamble,
            "annexes": [annex.to_dict() for annex in self.annexes],
            "provision_references": [ref.to_dict() for ref in self.provision_references],
            "source_format": self.source_format,
            "encoding": self.encoding,
        }
