"""The 2025 reorganisation as the screening engine sees it: bodies abolished or merged, the district level.

The facts come from the agency directory (hoinhap/agencies/data/agencies.yaml, loaded by
:func:`hoinhap.engines.text.agencies.load_directory`); nothing of it is copied here. The directory's
``find_all`` is exact but not cheap, so a gate (an Aho-Corasick automaton of the distinctive words of
every flagged name) decides first whether a provision can mention one at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from hoinhap.engines.screening.basis import tone_variants
from hoinhap.engines.text.agencies import AbolishedBody, Agency, load_directory
from hoinhap.engines.text.normalize import fold, normalize


@dataclass(frozen=True)
class ReorgMention:
    flag: str  # "abolished_agency" | "district_level"
    surface: str
    start: int
    end: int
    name: str
    successor: str | None
    note: str | None


_DASH = re.compile(r"\s*[-\u2013]\s*")


def _distinctive(spelling: str) -> list[str]:
    """Lower-case text that any mention of a name must contain: the name without "Bộ"/"Sở", with the
    usual spellings of its dashes ("Lao động - Thương binh", "Lao động-Thương binh")."""
    s = " ".join(normalize(spelling).split()).lower()
    for prefix in ("bộ ", "sở "):
        if s.startswith(prefix) and len(s) > len(prefix) + 6:
            s = s[len(prefix) :]
    if not _DASH.search(s):
        return [s]
    return sorted({_DASH.sub(sep, s) for sep in (" - ", "-", " \u2013 ", " ", ", ")})


class Reorganisation:
    def __init__(self) -> None:
        self.directory = load_directory()
        self._gate = ahocorasick.Automaton()
        keys: set[str] = set()
        self.gate_keys: list[str] = []
        for a in self.directory.agencies:
            if a.flag_abolished:
                for sp in (a.name, *a.aliases):
                    keys.update(_distinctive(sp))
        for b in self.directory.abolished_bodies:
            for sp in (b.name, *b.aliases):
                keys.update(_distinctive(sp))
        for k in sorted(keys):
            for v in tone_variants(k):
                self._gate.add_word(v, v)
                self._gate.add_word(fold(v), v)
                self.gate_keys.append(v)
        self._gate.make_automaton()

    def _may_mention(self, low: str) -> bool:
        for _ in self._gate.iter(low):
            return True
        return False

    def find(self, text: str, low: str, gate: bool | None = None) -> list[ReorgMention]:
        """Mentions of abolished bodies and of the district level (``low`` = ``text.lower()``).

        ``gate``: whether the caller's own matcher saw one of :attr:`gate_keys` (None: look here)."""
        if gate is False or (gate is None and not self._may_mention(low)):
            return []
        out: list[ReorgMention] = []
        for m in self.directory.find_all(text):
            if isinstance(m.agency, Agency):
                a = m.agency
                if not a.flag_abolished:
                    continue
                succ = self.directory.current(a) if a.successor else None
                out.append(
                    ReorgMention(
                        "abolished_agency",
                        m.surface,
                        m.start,
                        m.end,
                        a.name,
                        succ.name if succ is not None and succ is not a else None,
                        a.successor_note,
                    )
                )
            elif isinstance(m.body, AbolishedBody):
                b = m.body
                out.append(
                    ReorgMention(b.flag, m.surface, m.start, m.end, b.name, b.successor, b.successor_note)
                )
        return out


@lru_cache(maxsize=1)
def reorganisation() -> Reorganisation:
    return Reorganisation()
