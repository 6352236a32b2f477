"""Meeting conclusions into tasks ("6 rõ"): see :mod:`hoinhap.engines.conclusions.extract`."""

from hoinhap.engines.conclusions.extract import extract
from hoinhap.engines.conclusions.model import Document, Extraction, Task

__all__ = ["Document", "Extraction", "Task", "extract"]
