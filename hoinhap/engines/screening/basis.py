"""The review basis and its lexicon, compiled for fast matching.

`load_basis()` returns the default basis shipped with the engine (data/basis.yaml + data/lexicon.yaml).
A campaign may pass another basis: a path to a YAML/JSON file or a dict with the same keys as
basis.yaml, optionally with its own `lexicon` (same keys as lexicon.yaml, merged over the default:
`concepts` given there replace the default ones with the same id and add the others).

Matching works on the lower-case NFC text of a provision, so character offsets are offsets in the
provision's text. Every term is added in both tone placements ("hóa"/"hoá") and, for texts typed
without diacritics, in folded form; one Aho-Corasick automaton finds all of them in one pass.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from hoinhap.engines.text.normalize import fold, nfc, normalize

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_BASIS = DATA_DIR / "basis.yaml"
DEFAULT_LEXICON = DATA_DIR / "lexicon.yaml"

GROUPS = ("NV1", "NV2", "NV3", "NV4", "NV5", "NV6", "NV7")
DOMAIN = "@domain"

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")


class BasisError(ValueError):
    """The basis or lexicon data is malformed (message names the faulty entry)."""


def _alt_tone_word(word: str) -> str | None:
    """The other tone placement of a word ending in an open pair: "hóa" -> "hoá", "thủy" -> "thuỷ"."""
    d = unicodedata.normalize("NFD", word)
    tones = [c for c in d if c in _TONES]
    if len(tones) != 1:
        return None
    bare = "".join(c for c in d if c not in _TONES)
    low = bare.lower()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy"):
        return None
    if len(low) >= 3 and (low[-3] == "q" or low[-3] in "aeiouy" or unicodedata.combining(bare[-3])):
        return None
    tone = tones[0]
    # official form: tone right after the first vowel of the pair; alternative: after the last letter
    official = bare[:-1] + tone + bare[-1]
    alternative = bare + tone
    here = unicodedata.normalize("NFC", d)
    off = unicodedata.normalize("NFC", official)
    alt = unicodedata.normalize("NFC", alternative)
    return alt if here == off else off


def tone_variants(term: str) -> list[str]:
    """`term` and its spellings with the other tone placement (all combinations, at most a few)."""
    words = _WORD.findall(term)
    variants = {term}
    for w in words:
        alt = _alt_tone_word(w)
        if not alt:
            continue
        pat = re.compile(r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])")
        variants |= {pat.sub(alt, v) for v in variants}
    return sorted(variants)


def expand_pattern(pattern: str) -> str:
    """A regular expression written in official tone placement -> one accepting both placements."""

    def repl(m: re.Match[str]) -> str:
        w = m.group(0)
        alt = _alt_tone_word(w)
        return f"(?:{w}|{alt})" if alt else w

    return _WORD.sub(repl, nfc(pattern))


def split_terms(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.split("|")
    else:
        parts = list(value)
    out = []
    for p in parts:
        p = " ".join(str(p).split())
        if p:
            out.append(normalize(p).lower())
    return out


@dataclass(frozen=True)
class Concept:
    index: int
    id: str
    label: str
    strength: str  # "core" | "weak"
    groups: tuple[tuple[str, float], ...]
    items: tuple[str, ...]
    listing: bool
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartyDocument:
    number: str  # "22-NQ/TW"
    year: int | None
    title: str
    topic: tuple[str, ...]  # folded keywords
    superseded_by: str | None


@dataclass
class Compiled:
    """Matchers for one script: accented (lower-case NFC) or folded (no diacritics)."""

    automaton: Any
    title_automaton: Any
    final_clause: re.Pattern[str]
    negation: re.Pattern[str]
    listing: re.Pattern[str]
    precedence: list[tuple[str, tuple[str, ...], re.Pattern[str]]]
    district_gate: tuple[str, ...]
    district: re.Pattern[str]
    district_exclude: re.Pattern[str]
    conditional: re.Pattern[str]
    party_citation: re.Pattern[str]
    patterns: list[tuple[tuple[str, ...], re.Pattern[str], tuple]]


@dataclass
class Basis:
    """A compiled review basis. Build it with `load_basis()`."""

    source: str
    items: dict[str, dict[str, Any]]
    party_documents: dict[str, list[PartyDocument]]
    concepts: list[Concept]
    default_domain: str
    listing_window: int
    negation_window: int
    conditional_window: int
    conditional_concepts: frozenset[str]
    accented: Compiled
    folded: Compiled
    raw: dict[str, Any] = field(repr=False)
    _domain_cache: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)

    def item(self, item_id: str) -> dict[str, Any]:
        it = self.items.get(item_id)
        if it is None:
            return {"id": item_id, "title": item_id}
        return {"id": it["id"], "title": it["title"]}

    def party_document(self, number: str, year: int | None, context: str) -> PartyDocument | None:
        """The basis's Party document cited as `number` (e.g. "22-NQ/TW"), told apart by year or topic."""
        cands = self.party_documents.get(number.upper())
        if not cands:
            return None
        if year is not None:
            for c in cands:
                if c.year == year:
                    return c
            return None
        # No year in the citation: accept when the topic words follow it, or when only one document
        # of the basis has that number and it has no year to check.
        for c in cands:
            if any(t in context for t in c.topic):
                return c
        if len(cands) == 1 and cands[0].year is None:
            return cands[0]
        return None


# Literals the engine looks for with `in` before it runs a regular expression (besides the gates of the
# lexicon): the main automaton reports every gate literal, whole word or not, so one pass answers them all.
GATE_FINAL = ("hiệu lực", "thi hành", "hieu luc", "thi hanh")
GATE_NEGATION = ("không", "khong")
GATE_PARTY = ("/tw", "/tư", "/ tw", "/ tư")

# A Party document cited by number: "22-NQ/TW", "07 - NQ/TƯ", "18-KL/TW", "56-CT/TW", "…-QĐ/TW".
_PARTY_CITATION = r"(?<![\w/.-])(\d{1,4})\s*[-–]\s*(nq|kl|ct|qđ|qđi|hd|hđ|tb|qc)\s*/\s*(tw|tư)(?!\w)"


def _read(path_or_dict: Any) -> dict[str, Any]:
    if isinstance(path_or_dict, dict):
        return copy.deepcopy(path_or_dict)
    p = Path(path_or_dict)
    text = p.read_text(encoding="utf-8")
    if p.suffix.lower() == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=_Loader) or {}


def _compile_matchers(lex: dict[str, Any], concepts: list[Concept], folded: bool) -> Compiled:
    tr = (lambda s: fold(s)) if folded else (lambda s: s)

    def rx(pattern: str) -> re.Pattern[str]:
        p = expand_pattern(pattern)
        if folded:
            p = fold(nfc(pattern))
        return re.compile(p)

    entries: dict[str, list[tuple[str, Any]]] = {}
    title_entries: dict[str, list[tuple[str, Any]]] = {}

    def add(term: str, kind: str, ref: Any, where: tuple[dict[str, list[tuple[str, Any]]], ...]) -> None:
        for v in tone_variants(term):
            key = tr(v)
            for table in where:
                lst = table.setdefault(key, [])
                if (kind, ref) not in lst:
                    lst.append((kind, ref))

    both = (entries, title_entries)
    for c in concepts:
        for term in c.terms:
            add(term, "term", c.index, both)
    for term in split_terms(lex.get("negatives")):
        add(term, "neg", None, both)
    for g, terms in (lex.get("hints") or {}).items():
        for term in split_terms(terms):
            add(term, "hint", g, (entries,))
    for g, terms in (lex.get("domains") or {}).items():
        for term in split_terms(terms):
            add(term, "domain", g, (title_entries,))
    # names of bodies abolished in 2025 (from the agency directory): the engine then knows in the same
    # pass whether the directory's exact matcher needs to run
    from hoinhap.engines.screening.reorg import reorganisation

    for key in reorganisation().gate_keys:
        add(key, "reorg", None, (entries,))

    def gates(value: Any) -> tuple[str, ...]:
        return tuple(sorted({tr(v) for g in split_terms(value) for v in tone_variants(g)}))

    prec = [
        (name, gates(p.get("gate")), rx(p["pattern"]))
        for name, p in (lex.get("treaty_precedence") or {}).items()
    ]
    by_id = {c.id: c for c in concepts}
    patterns = []
    for i, p in enumerate(lex.get("patterns") or []):
        c = by_id.get(p.get("concept"))
        if c is None:
            raise BasisError(f"mẫu thứ {i + 1} của bộ từ vựng gắn với khái niệm không có: {p.get('concept')}")
        patterns.append((gates(p.get("gate")), rx(p["pattern"]), (("pterm", c.index),)))
    district_gate = gates(lex.get("district_level_gate"))
    gate_keys = {g for _n, gs, _r in prec for g in gs} | {g for gs, _r, _e in patterns for g in gs}
    gate_keys.update(district_gate, GATE_FINAL, GATE_NEGATION, GATE_PARTY)
    gate_keys.discard("")

    def build(table: dict[str, list[tuple[str, Any]]], gate_keys: set[str]) -> Any:
        """Values: (length, entries, the key if it is a gate literal else None); a gate literal that is no
        term has no entries."""
        auto = ahocorasick.Automaton()
        for key, lst in table.items():
            # entries that take part in overlap resolution (terms, negatives) first
            lst.sort(key=lambda e: e[0] not in ("term", "neg"))
            auto.add_word(key, (len(key), tuple(lst), key if key in gate_keys else None))
        for key in sorted(gate_keys - table.keys()):
            auto.add_word(key, (len(key), (), key))
        auto.make_automaton()
        return auto

    auto = build(entries, gate_keys)
    title_auto = build(title_entries, set())
    return Compiled(
        automaton=auto,
        title_automaton=title_auto,
        final_clause=rx(lex["final_clause"]),
        negation=rx(lex["negation"]["pattern"]),
        listing=rx(lex["listing_cue"]["pattern"]),
        precedence=prec,
        district_gate=district_gate,
        district=rx(lex["district_level"]),
        district_exclude=rx(lex["district_level_exclude"]),
        conditional=rx(lex["conditional"]["pattern"]),
        party_citation=rx(_PARTY_CITATION),
        patterns=patterns,
    )


def _merge_lexicon(base: dict[str, Any], override: dict[str, Any] | None) -> dict[str, Any]:
    if not override:
        return base
    out = dict(base)
    for k, v in override.items():
        if k == "concepts":
            by_id = {c["id"]: c for c in base.get("concepts", [])}
            for c in v:
                by_id[c["id"]] = c
            out["concepts"] = list(by_id.values())
        else:
            out[k] = v
    return out


def load_basis(path_or_dict: Any = None) -> Basis:
    """Load and compile a review basis (default: the one shipped with the engine)."""
    if path_or_dict is None:
        key = "__default__"
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
    raw = _read(DEFAULT_BASIS if path_or_dict is None else path_or_dict)
    default_lex = _read(DEFAULT_LEXICON)
    lex = _merge_lexicon(default_lex, raw.get("lexicon"))
    items: dict[str, dict[str, Any]] = {}
    for i, it in enumerate(raw.get("items") or []):
        if not isinstance(it, dict) or "id" not in it or "title" not in it:
            raise BasisError(f"mục thứ {i + 1} của căn cứ rà soát thiếu 'id' hoặc 'title'")
        items[str(it["id"])] = dict(it)
    docs: dict[str, list[PartyDocument]] = {}
    for d in raw.get("party_documents") or []:
        num = str(d["number"]).upper()
        docs.setdefault(num, []).append(
            PartyDocument(
                number=num,
                year=d.get("year"),
                title=str(d.get("title") or num),
                topic=tuple(fold(t) for t in (d.get("topic") or [])),
                superseded_by=(str(d["superseded_by"]).upper() if d.get("superseded_by") else None),
            )
        )
    concepts: list[Concept] = []
    for i, c in enumerate(lex.get("concepts") or []):
        try:
            groups = tuple((str(g), float(w)) for g, w in (c.get("groups") or {}).items())
            for g, _ in groups:
                if g not in GROUPS and g != DOMAIN:
                    raise BasisError(f"khái niệm '{c['id']}': nhóm nhiệm vụ không hợp lệ '{g}'")
            concept = Concept(
                index=i,
                id=str(c["id"]),
                label=str(c.get("label") or c["id"]),
                strength=str(c.get("strength") or "core"),
                groups=groups,
                items=tuple(str(x) for x in (c.get("items") or [])),
                listing=bool(c.get("listing")),
                terms=tuple(split_terms(c.get("terms"))),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, BasisError):
                raise
            raise BasisError(f"khái niệm thứ {i + 1} của bộ từ vựng không hợp lệ: {exc}") from exc
        concepts.append(concept)
    basis = Basis(
        source=str(raw.get("source") or ""),
        items=items,
        party_documents=docs,
        concepts=concepts,
        default_domain=str(lex.get("default_domain") or "NV2"),
        listing_window=int(lex["listing_cue"].get("window", 60)),
        negation_window=int(lex["negation"].get("window", 20)),
        conditional_window=int(lex["conditional"].get("window", 140)),
        conditional_concepts=frozenset(lex["conditional"].get("concepts") or []),
        accented=_compile_matchers(lex, concepts, folded=False),
        folded=_compile_matchers(lex, concepts, folded=True),
        raw={"basis": raw, "lexicon": lex},
    )
    if path_or_dict is None:
        _CACHE["__default__"] = basis
    return basis


_CACHE: dict[str, Basis] = {}


def unknown_items(basis: Basis) -> list[str]:
    """Policy item ids named by the lexicon but absent from the basis (a campaign basis may lack them)."""
    missing = set()
    for c in basis.concepts:
        for it in c.items:
            if it not in basis.items:
                missing.add(it)
    return sorted(missing)
