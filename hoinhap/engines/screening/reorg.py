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

_RUNS = re.compile(r"[^\W_]+(?:[ ][^\W_]+)*")


@dataclass(frozen=True)
class ReorgMention:
    flag: str  # "abolished_agency" | "district_level"
    surface: str
    start: int
    end: int
    name: str
    successor: str | None
    note: str | None


def _distinctive(spelling: str) -> list[str]:
    """Lower-case phrases of a name that any mention of it must contain (the longest word run)."""
    s = " ".join(normalize(spelling).split())
    runs = _RUNS.findall(s)
    if not runs:
        return []
    best = max(runs, key=len)
    if best.isupper() or len(best) <= 6:  # an abbreviation ("BKHĐT", "GTVT"): keep it whole
        return [best.lower()]
    words = best.lower().split()
    if words and words[0] in ("bộ", "sở") and len(words) > 2:
        words = words[1:]
    return [" ".join(words)]


class Reorganisation:
    def __init__(self) -> None:
        self.directory = load_directory()
        self._gate = ahocorasick.Automaton()
        keys: set[str] = set()
        for a in self.directory.agencies:
            if a.flag_abolished:
                for sp in (a.name, *a.aliases):
                    keys.update(_distinctive(sp))
        for b in self.directory.abolished_bodies:
            for sp in (b.name, *b.aliases):
                keys.update(_distinctive(sp))
        for k in keys:
            for v in tone_variants(k):
                self._gate.add_word(v, v)
                self._gate.add_word(fold(v), v)
        self._gate.make_automaton()

    def _may_mention(self, low: str) -> bool:
        for _ in self._gate.iter(low):
            return True
        return False

    def find(self, text: str, low: str) -> list[ReorgMention]:
        """Mentions of abolished bodies and of the district level (``low`` = ``text.lower()``)."""
        if not self._may_mention(low):
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
