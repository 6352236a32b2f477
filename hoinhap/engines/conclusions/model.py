"""Result types of the conclusions engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    number: str | None = None
    issued: dt.date | None = None
    issuer: str | None = None
    kind: str | None = None  # "Thông báo", "Công văn", "Nghị quyết", "Kết luận"…
    reference: dt.date | None = None  # the date deadlines are read against (issued, else the meeting date)

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "issued": self.issued.isoformat() if self.issued else None,
            "issuer": self.issuer,
            "kind": self.kind,
        }


@dataclass(slots=True)
class Task:
    lead: str
    lead_current: str
    lead_resolved: bool
    quote: str
    quote_start: int
    quote_end: int
    co_leads: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    deadline_kind: str = "none"
    due: dt.date | None = None
    deliverable: str | None = None
    authority: str | None = None
    collective: bool = False
    lead_code: str | None = None
    lead_current_code: str | None = None

    def as_dict(self) -> dict:
        return {
            "lead": self.lead,
            "lead_current": self.lead_current,
            "lead_resolved": self.lead_resolved,
            "lead_code": self.lead_code,
            "lead_current_code": self.lead_current_code,
            "co_leads": list(self.co_leads),
            "coordinators": list(self.coordinators),
            "deadline_text": self.deadline_text,
            "deadline_kind": self.deadline_kind,
            "due": self.due.isoformat() if self.due else None,
            "quote": self.quote,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "deliverable": self.deliverable,
            "authority": self.authority,
            "collective": self.collective,
        }


@dataclass(slots=True)
class Extraction:
    document: Document
    tasks: list[Task]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "document": self.document.as_dict(),
            "tasks": [t.as_dict() for t in self.tasks],
            "notes": self.notes,
        }
