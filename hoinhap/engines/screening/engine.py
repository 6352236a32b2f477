"""assess(provision) -> Assessment: relevance, score, task groups, flags, evidence and suggestions.

How a provision is judged (all rules read their words from the basis and lexicon data):

1. The lexicon's terms are found in the lower-case text (one Aho-Corasick pass; whole words; longest
   match wins; hard negatives remove what they overlap). A term right after a negation cue is dropped;
   a term closing an enumeration with a domestic counterpart ("trong nước và nước ngoài"), or a treaty
   named only as a standard to conform to ("phù hợp với … điều ước quốc tế"), counts as weak.
2. The document's field and whether it is itself an integration instrument come from its title
   (e.g. "Luật Điều ước quốc tế", "… tổ chức phi chính phủ nước ngoài").
3. Relevance 2 when the integration element is the provision's subject: the document is an integration
   instrument, or a core term opens the provision (its first line), or integration terms fill most of
   its lines; 1 when the element is incidental (a weak term, a single mention, a standard precedence
   clause); 0 with no element. Final provisions (entry into force, implementation) are at most 1.
4. Task groups: each term adds its concept's group weights ("@domain" = the document's field), terms
   of the opening line count more, a precedence clause adds NV6, and hint words of a field break ties.
5. Flags from the agency directory (abolished bodies, the district level), regular expressions of the
   lexicon (treaty precedence, district level), Party documents cited by number (superseded ones per
   the basis) and, through the caller's lookup, documents the corpus marks expired.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hoinhap.engines.screening.basis import (
    DOMAIN,
    GATE_FINAL,
    GATE_NEGATION,
    GATE_PARTY,
    GROUPS,
    Basis,
    Compiled,
    Concept,
    load_basis,
)
from hoinhap.engines.screening.reorg import reorganisation
from hoinhap.engines.text.normalize import fold, nfc

FLAGS = (
    "abolished_agency",
    "district_level",
    "treaty_precedence",
    "cites_policy",
    "superseded_policy",
    "expired_reference",
)

ExpiredLookup = Callable[[str], "tuple[bool, str | None]"]

LEAD_CHARS = 200  # a term within the first characters of the first line "opens" the provision
MAX_MATCHES = 8  # matched words listed per judgement
# Task-group weights: the document's field counts as this much evidence (more when the whole document is an
# integration instrument), terms of the opening line count LEAD_BOOST times, hint words at most HINT_CAP.
DOMAIN_PRIOR = 0.5
DOMAIN_PRIOR_INTEGRATION = 0.6
LEAD_BOOST = 1.4
HINT_STEP, HINT_CAP = 0.1, 0.4
PRECEDENCE_NV6 = 0.8

CATEGORIES = {
    "1.1": "Chưa được thể chế hóa đầy đủ hoặc không phát huy hiệu quả",
    "1.2": "Không còn phù hợp với chủ trương, tổ chức bộ máy mới",
    "1.3": "Vấn đề mới cần thể chế hóa",
    "1.4": "Nội dung văn bản của Đảng cần bổ sung, hoàn thiện",
}

# A legal document number: "02/2017/NĐ-CP", "38/2019/QH14", "76/2010/QĐ-TTg", "01/NQ-CP".
_DOC_NUMBER = re.compile(r"(?<![\w/])\d{1,4}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*g?(?:-[A-ZĐ][A-ZĐ0-9]*g?)*(?![\w/])")
_REPLACING = re.compile(r"thay thế|thay cho|hết hiệu lực|bãi bỏ|thay the|thay cho|het hieu luc|bai bo")
_YEAR_AFTER = re.compile(r"^[^;\n()]{0,45}?(?:/|năm\s*|nam\s*|-)\s*((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.;\n]")
_SPAN_KINDS = ("term", "neg")


_GROUP_ORDER = {g: i for i, g in enumerate(GROUPS)}
_BANDS = (0.0, 0.34, 0.67)  # score band per relevance
_FLAG_ITEMS = {
    "abolished_agency": "tc2025-bo-may",
    "district_level": "tc2025-cap-huyen",
    "treaty_precedence": "ct56-3.2",
    "cites_policy": "nq59-nv1",
    "superseded_policy": "rs-1.2",
    "expired_reference": "rs-1.2",
}


@dataclass
class Assessment:
    """The engine's judgement of one provision (see the module docstring)."""

    id: Any
    relevance: int
    score: float
    task_groups: list[str]
    flags: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "relevance": self.relevance,
            "score": self.score,
            "task_groups": list(self.task_groups),
            "flags": list(self.flags),
            "evidence": self.evidence,
            "suggestions": self.suggestions,
        }


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    concept: Concept
    strong: bool
    line: int
    lead: bool
    why: str = ""  # why a core term counts as weak: listing / condition / precedence


@dataclass(frozen=True)
class _DocInfo:
    domain: str
    integration: bool
    title_terms: tuple[str, ...]


# ------------------------------------------------------------------------------------------ text helpers


def _prepare(text: str) -> tuple[str, str]:
    """(NFC text, its lower case of the same length)."""
    t = text if text.isascii() or unicodedata.is_normalized("NFC", text) else nfc(text)
    low = t.lower()
    if len(low) != len(t):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
    if "\xa0" in low:
        low = low.replace("\xa0", " ")
    if "ð" in low:
        low = low.replace("ð", "đ")
    return t, low


def _raw_hits(
    comp: Compiled, low: str, title: bool = False, seen: set[str] | None = None
) -> list[tuple[int, int, tuple]]:
    """Pattern and whole-word automaton hits (start, end, entries); ``seen`` receives the gate literals
    found in ``low`` (anywhere, whole words or not)."""
    last = len(low) - 1
    out: list[tuple[int, int, tuple]] = []
    append = out.append
    if seen is None:
        seen = set()
    add_gate = seen.add
    for end, (length, entries, gate) in (comp.title_automaton if title else comp.automaton).iter(low):
        if gate is not None:
            add_gate(gate)
            if not entries:
                continue
        start = end - length + 1
        if (start and low[start - 1].isalnum()) or (end < last and low[end + 1].isalnum()):
            continue
        append((start, end + 1, entries))
    if not title and seen:
        pat: list[tuple[int, int, tuple]] = []
        for gates, rx, entries in comp.patterns:
            if not seen.isdisjoint(gates):
                for m in rx.finditer(low):
                    pat.append((m.start(), m.end(), entries))
        if pat:
            out = pat + out
    return out


def _sentence(low: str, start: int, end: int) -> tuple[int, int]:
    a = max(low.rfind(".", 0, start), low.rfind(";", 0, start), low.rfind("\n", 0, start)) + 1
    m = _SENTENCE_END.search(low, end)
    return a, (m.start() if m else len(low))


# ------------------------------------------------------------------------------------------ the engine


def _doc_info(basis: Basis, title: str) -> _DocInfo:
    cached = basis._domain_cache.get(title)
    if cached is not None:
        return cached  # type: ignore[return-value]
    t, low = _prepare(title or "")
    comp = basis.folded if low.isascii() else basis.accented
    counts: dict[str, int] = {}
    terms: list[str] = []
    integration = False
    raw = _raw_hits(comp, low, title=True)
    chosen = _resolve(raw)
    for start, end, entries in chosen:
        for kind, ref in entries:
            if kind == "term":
                c = basis.concepts[ref]
                if c.strength == "core" or c.id == "foreign_generic":
                    integration = True
                    terms.append(t[start:end])
    for _start, _end, entries in raw:
        for kind, ref in entries:
            if kind == "domain":
                counts[ref] = counts.get(ref, 0) + 1
    order = list(basis.raw["lexicon"].get("domains") or {})
    domain = basis.default_domain
    if counts:
        domain = max(counts, key=lambda g: (counts[g], -order.index(g) if g in order else -99))
    info = _DocInfo(domain, integration, tuple(terms))
    if len(basis._domain_cache) < 10000:
        basis._domain_cache[title] = info  # type: ignore[assignment]
    return info


def _resolve(raw: list[tuple[int, int, tuple]]) -> list[tuple[int, int, tuple]]:
    """Terms and negatives without overlap, the longest first; text order."""
    spans = [h for h in raw if h[2][0][0] in _SPAN_KINDS]
    if len(spans) > 1:
        spans.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken: list[tuple[int, int]] = []
        keep = []
        for h in spans:
            s, e = h[0], h[1]
            for ts, te in taken:
                if s < te and ts < e:
                    break
            else:
                taken.append((s, e))
                keep.append(h)
        spans = sorted(keep)
    return spans


def _line_starts(low: str) -> list[int]:
    starts = [0]
    i = low.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = low.find("\n", i + 1)
    return starts


def assess(
    provision: dict[str, Any],
    basis: Basis | None = None,
    expired_lookup: ExpiredLookup | None = None,
) -> Assessment:
    """Judge one provision: a dict with at least ``text`` (and ``id``, ``doc_title`` … as in the JSONL)."""
    b = basis if basis is not None else load_basis()
    text = provision.get("text") if isinstance(provision, dict) else None
    if not isinstance(text, str):
        raise ValueError("provision has no 'text' string")
    t, low = _prepare(text)
    comp = b.folded if low.isascii() else b.accented
    doc = _doc_info(b, str(provision.get("doc_title") or ""))

    found: set[str] = set()  # gate literals in the text
    raw = _raw_hits(comp, low, seen=found)

    # ---- treaty precedence spans (needed to weigh treaty terms)
    precedence: list[tuple[int, int, str]] = []
    if found:
        for name, gate, rx in comp.precedence:
            if not found.isdisjoint(gate):
                for m in rx.finditer(low):
                    precedence.append((m.start(), m.end(), name))

    resolved = _resolve(raw)
    # pattern hits come first in raw
    pattern_hits = [h for h in raw if h[2][0][0] == "pterm"] if raw and raw[0][2][0][0] == "pterm" else []
    if pattern_hits:
        # a term with a gap adds its concept; bare generic mentions inside it are not counted again
        def covered(h: tuple[int, int, tuple]) -> bool:
            return all(b.concepts[r].id == "foreign_generic" for k, r in h[2] if k == "term") and any(
                ps <= h[0] and h[1] <= pe for ps, pe, _ in pattern_hits
            )

        def redundant(p: tuple[int, int, tuple]) -> bool:
            ref = p[2][0][1]
            return any(h[0] < p[1] and p[0] < h[1] and ("term", ref) in h[2] for h in resolved)

        pattern_hits = [p for p in pattern_hits if not redundant(p)]
        resolved = sorted([h for h in resolved if not covered(h)] + pattern_hits)
    hits: list[_Hit] = []
    may_negate = not found.isdisjoint(GATE_NEGATION)
    starts = _line_starts(low) if resolved else [0]
    concepts = b.concepts
    bisect_right = bisect.bisect_right
    for start, end, entries in resolved:
        for kind, ref in entries:
            if kind != "term" and kind != "pterm":
                continue
            c = concepts[ref]
            line = bisect_right(starts, start) - 1
            if may_negate:
                pre = low[max(starts[line], start - b.negation_window) : start]
                if pre and comp.negation.search(pre):
                    continue
            strong = c.strength == "core"
            why = ""
            if strong and c.listing:
                pre = low[max(starts[line], start - b.listing_window) : start]
                if comp.listing.search(pre):
                    strong, why = False, "listing"
            if strong and c.id in b.conditional_concepts:
                if any(ps <= start < pe for ps, pe, _ in precedence):
                    strong, why = False, "precedence"
                else:
                    pre = low[max(starts[line], start - b.conditional_window) : start]
                    if comp.conditional.search(pre):
                        strong, why = False, "condition"
            lead = line == 0 and start < LEAD_CHARS
            hits.append(_Hit(start, end, c, strong, line, lead, why))

    final = not found.isdisjoint(GATE_FINAL) and bool(comp.final_clause.search(low))

    # ---- relevance
    strong_hits = [h for h in hits if h.strong]
    if doc.integration:
        relevance = 2 if not final else 1
    elif not hits:
        relevance = 0
    else:
        lead_core = any(h.lead for h in strong_hits)
        lines_hit = {h.line for h in hits if h.strong or h.why != "listing"}
        distinct_core = {h.concept.id for h in strong_hits}
        if lead_core:
            relevance = 2
        elif len(distinct_core) >= 2:
            n_lines = sum(1 for line in low.split("\n") if line.strip())
            relevance = 2 if n_lines >= 3 and len(lines_hit) / n_lines > 0.5 else 1
        else:
            relevance = 1
        if final:
            relevance = min(relevance, 1)

    # ---- flags
    flags: dict[str, list[dict[str, Any]]] = {}
    suggestions: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []

    reorg_gate = False
    for _s, _e, e in raw:
        if ("reorg", None) in e:
            reorg_gate = True
            break
    reorg = reorganisation().find(t, low, gate=reorg_gate)
    district_spans: list[tuple[int, int, str, str | None]] = []
    for m in reorg:
        if m.flag == "district_level":
            district_spans.append((m.start, m.end, m.name, m.successor))
        elif m.flag == "abolished_agency":
            flags.setdefault("abolished_agency", []).append(
                {
                    "text": t[m.start : m.end],
                    "start": m.start,
                    "end": m.end,
                    "name": m.name,
                    "successor": m.successor,
                }
            )
    if not found.isdisjoint(comp.district_gate):
        for mm in comp.district.finditer(low):
            district_spans.append((mm.start(), mm.end(), t[mm.start() : mm.end()], None))
    if district_spans:
        seen: list[tuple[int, int]] = []
        for s, e, name, succ in sorted(district_spans, key=lambda x: (x[0], x[0] - x[1])):
            if any(s < se and ss < e for ss, se in seen):
                continue
            a, z = _sentence(low, s, e)
            if comp.district_exclude.search(low, a, z):
                continue
            seen.append((s, e))
            flags.setdefault("district_level", []).append(
                {"text": t[s:e], "start": s, "end": e, "name": name, "successor": succ}
            )
    if precedence:
        for s, e, name in sorted(precedence):
            flags.setdefault("treaty_precedence", []).append(
                {"text": t[s:e], "start": s, "end": e, "rule": name}
            )

    if not found.isdisjoint(GATE_PARTY):
        for m in comp.party_citation.finditer(low):
            kind = fold(m.group(2)).upper()
            number = f"{m.group(1).lstrip('0') or '0'}-{kind}/TW"
            number_padded = f"{m.group(1)}-{kind}/TW"
            ym = _YEAR_AFTER.search(low, m.end(), min(len(low), m.end() + 60))
            year = int(ym.group(1)) if ym else None
            # the context (topic words) only matters without a year, for a number the basis knows
            context = ""
            if year is None and (
                b.party_documents.get(number_padded.upper()) or b.party_documents.get(number.upper())
            ):
                context = fold(low[m.end() : m.end() + 200])
            pd = b.party_document(number_padded, year, context) or b.party_document(number, year, context)
            ref = {
                "text": t[m.start() : m.end()],
                "start": m.start(),
                "end": m.end(),
                "number": number_padded,
            }
            if pd is not None:
                ref["document"] = pd.title
            flags.setdefault("cites_policy", []).append(ref)
            if pd is not None and pd.superseded_by:
                succ_docs = b.party_documents.get(pd.superseded_by) or []
                ref2 = dict(ref)
                ref2["superseded_by"] = pd.superseded_by
                ref2["superseded_by_title"] = succ_docs[0].title if succ_docs else pd.superseded_by
                flags.setdefault("superseded_policy", []).append(ref2)

    if expired_lookup is not None and "/" in t:
        checked: dict[str, tuple[bool, str | None]] = {}
        for m in _DOC_NUMBER.finditer(t):
            number = m.group(0)
            a, z = _sentence(low, m.start(), m.end())
            if _REPLACING.search(low, a, z):
                continue
            if number not in checked:
                res = expired_lookup(number)
                checked[number] = (bool(res[0]), res[1]) if res else (False, None)
            expired, replaced_by = checked[number]
            if expired:
                flags.setdefault("expired_reference", []).append(
                    {"text": number, "start": m.start(), "end": m.end(), "replaced_by": replaced_by}
                )

    # ---- task groups
    groups: dict[str, float] = {}
    contributors: dict[str, list[_Hit]] = {}
    if relevance > 0:
        per_concept: dict[str, list[_Hit]] = {}
        for h in hits:
            per_concept.setdefault(h.concept.id, []).append(h)
        for hs in per_concept.values():
            c = hs[0].concept
            any_strong = any_lead = False
            for h in hs:
                if h.strong:
                    any_strong = True
                if h.lead:
                    any_lead = True
            w = (1.0 if any_strong else 0.5) * (1 + 0.15 * min(len(hs) - 1, 4))
            if any_lead:
                w *= LEAD_BOOST
            for g, gw in c.groups:
                g = doc.domain if g == DOMAIN else g
                groups[g] = groups.get(g, 0.0) + w * gw
                contributors.setdefault(g, []).extend(hs)
        if "treaty_precedence" in flags:
            groups["NV6"] = groups.get("NV6", 0.0) + PRECEDENCE_NV6
        hint_words: dict[str, set[str]] = {}
        for start, end, entries in raw:
            for kind, ref in entries:
                if kind == "hint":
                    hint_words.setdefault(ref, set()).add(low[start:end])
        for g, words in hint_words.items():
            groups[g] = groups.get(g, 0.0) + min(HINT_STEP * len(words), HINT_CAP)
        prior = DOMAIN_PRIOR_INTEGRATION if doc.integration else DOMAIN_PRIOR
        groups[doc.domain] = groups.get(doc.domain, 0.0) + (1.0 if not hits else prior)
    task_groups: list[str] = []
    if groups:
        order = _GROUP_ORDER
        ranked = sorted(groups, key=lambda g: (-round(groups[g], 6), g != doc.domain, order.get(g, 9)))
        top = groups[ranked[0]]
        task_groups = [g for g in ranked if groups[g] >= max(0.5, 0.45 * top)][:3] or ranked[:1]

    # ---- score: relevance band + strength of the evidence inside it
    mass = 0.0
    seen_c: set[str] = set()
    for h in hits:
        if h.concept.id in seen_c:
            mass += 0.1
            continue
        seen_c.add(h.concept.id)
        mass += 1.0 if h.strong else 0.4
    if doc.integration:
        mass += 1.0
    band = _BANDS[relevance]
    score = round(band + (0.32 * (1 - math.exp(-mass / 2.5)) if relevance else 0.0), 4)

    # ---- evidence
    def match(h: _Hit) -> dict[str, Any]:
        return {"text": t[h.start : h.end], "start": h.start, "end": h.end, "concept": h.concept.id}

    if relevance > 0:
        ranked_hits = sorted(hits, key=lambda h: (not h.strong, not h.lead, h.start))
        top_concept = ranked_hits[0].concept if ranked_hits else None
        item_id = (
            top_concept.items[0] if top_concept and top_concept.items else f"nq59-{task_groups[0].lower()}"
        )
        if relevance == 2 and doc.integration and not strong_hits:
            reason = "Văn bản điều chỉnh trực tiếp vấn đề hội nhập quốc tế (theo tên văn bản)"
        elif relevance == 2:
            reason = "Đối tượng của quy định là vấn đề hội nhập quốc tế"
        elif final:
            reason = "Điều khoản thi hành; chỉ nêu văn bản liên quan đến hội nhập"
        else:
            reason = "Yếu tố hội nhập chỉ được nêu kèm theo"
        ev: dict[str, Any] = {
            "judgement": "relevance",
            "value": relevance,
            "policy_item": b.item(item_id),
            "reason": reason,
            "matches": [match(h) for h in sorted(ranked_hits[:MAX_MATCHES], key=lambda h: h.start)],
        }
        if doc.integration:
            ev["document_terms"] = list(doc.title_terms)
        evidence.append(ev)
        for g in task_groups:
            hs = sorted({id(h): h for h in contributors.get(g, [])}.values(), key=lambda h: h.start)
            evidence.append(
                {
                    "judgement": "task_group",
                    "value": g,
                    "policy_item": b.item(f"nq59-{g.lower()}"),
                    "matches": [match(h) for h in hs[:MAX_MATCHES]],
                }
            )

    flag_items = _FLAG_ITEMS
    for f in FLAGS:
        if f not in flags:
            continue
        refs = flags[f]
        item = b.item(flag_items[f])
        if f == "treaty_precedence":
            item = b.item("ct56-3.2")
        evidence.append(
            {
                "judgement": "flag",
                "value": f,
                "policy_item": item,
                "matches": [{k: v for k, v in r.items()} for r in refs[:MAX_MATCHES]],
            }
        )
        suggestions.extend(_suggest(f, refs, b))

    return Assessment(
        id=provision.get("id"),
        relevance=relevance,
        score=score,
        task_groups=task_groups,
        flags=[f for f in FLAGS if f in flags],
        evidence=evidence,
        suggestions=suggestions,
    )


# ------------------------------------------------------------------------------------------ suggestions


def _sugg(
    flag: str, category: str, handling: str, text: str, change: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "flag": flag,
        "category": category,
        "category_title": CATEGORIES[category],
        "handling": "2.1",
        "action": handling,
        "text": text,
        "change": change,
    }


def _suggest(flag: str, refs: list[dict[str, Any]], b: Basis) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if flag == "abolished_agency":
        done: set[str] = set()
        for r in refs:
            if r["name"] in done:
                continue
            done.add(r["name"])
            succ = r.get("successor")
            if succ and " hoặc " not in succ:
                out.append(
                    _sugg(
                        flag,
                        "1.2",
                        "sửa đổi",
                        f"Thay «{r['text']}» bằng «{succ}» ({r['name']} đã được hợp nhất, sắp xếp năm 2025).",
                        {"find": r["text"], "replace": succ, "start": r["start"], "end": r["end"]},
                    )
                )
            else:
                out.append(
                    _sugg(
                        flag,
                        "1.2",
                        "sửa đổi",
                        f"Xác định cơ quan kế thừa chức năng của «{r['name']}» (đã chấm dứt hoạt động năm 2025) và sửa đổi quy định.",
                    )
                )
    elif flag == "district_level":
        done = set()
        for r in refs:
            key = r["text"].lower()
            if key in done:
                continue
            done.add(key)
            succ = r.get("successor")
            text = (
                f"Sửa đổi «{r['text']}» theo mô hình chính quyền địa phương hai cấp (không còn cấp huyện từ "
                "01/7/2025): giao nhiệm vụ cho cấp xã hoặc cấp tỉnh."
            )
            change = None
            if succ and " hoặc " not in succ:
                change = {"find": r["text"], "replace": succ, "start": r["start"], "end": r["end"]}
                text += f" Đề xuất thay bằng «{succ}»."
            out.append(_sugg(flag, "1.2", "sửa đổi, bổ sung", text, change))
    elif flag == "treaty_precedence":
        out.append(
            _sugg(
                flag,
                "1.1",
                "sửa đổi, bổ sung",
                "Quy định dẫn chiếu áp dụng điều ước quốc tế: rà soát tính tương thích với các cam kết quốc tế "
                "(Chỉ thị 56-CT/TW, mục 3.2) và nội luật hóa các nội dung cam kết cần thiết (NQ 59, nhóm nhiệm vụ 6).",
            )
        )
    elif flag == "cites_policy":
        docs = sorted({r.get("document") or r["number"] for r in refs})
        out.append(
            _sugg(
                flag,
                "1.1",
                "sửa đổi, bổ sung",
                "Đối chiếu quy định với văn bản của Đảng được viện dẫn ("
                + "; ".join(docs)
                + ") và chủ trương "
                "hội nhập quốc tế hiện hành; cập nhật căn cứ nếu văn bản đã được thay thế.",
            )
        )
    elif flag == "superseded_policy":
        for r in refs:
            new = r["superseded_by"]
            out.append(
                _sugg(
                    flag,
                    "1.2",
                    "thay thế",
                    f"Thay viện dẫn «{r['text']}» ({r.get('document', r['number'])}) bằng {r['superseded_by_title']}.",
                    {"find": r["text"], "replace": new, "start": r["start"], "end": r["end"]},
                )
            )
    elif flag == "expired_reference":
        for r in refs:
            if r.get("replaced_by"):
                out.append(
                    _sugg(
                        flag,
                        "1.2",
                        "sửa đổi",
                        f"Văn bản số {r['text']} đã hết hiệu lực; thay viện dẫn bằng văn bản số {r['replaced_by']}.",
                        {
                            "find": r["text"],
                            "replace": r["replaced_by"],
                            "start": r["start"],
                            "end": r["end"],
                        },
                    )
                )
            else:
                out.append(
                    _sugg(
                        flag,
                        "1.2",
                        "sửa đổi",
                        f"Văn bản số {r['text']} đã hết hiệu lực; bãi bỏ hoặc thay viện dẫn bằng văn bản đang có hiệu lực.",
                    )
                )
    return out


# ------------------------------------------------------------------------------------------ batches


def screen_many(
    provisions: Iterable[dict[str, Any]],
    basis: Basis | None = None,
    expired_lookup: ExpiredLookup | None = None,
) -> Iterator[Assessment]:
    """Assess provisions one by one, in order (a generator: memory stays flat)."""
    b = basis if basis is not None else load_basis()
    for p in provisions:
        yield assess(p, b, expired_lookup)


def expired_lookup_from(entries: dict[str, str | None] | Iterable[str] | None) -> ExpiredLookup | None:
    """A lookup from a plain mapping {number: replaced_by or None} (or a list of expired numbers)."""
    if entries is None:
        return None
    table = (
        {_number_key(k): v for k, v in entries.items()}
        if isinstance(entries, dict)
        else {_number_key(k): None for k in entries}
    )

    def lookup(number: str) -> tuple[bool, str | None]:
        key = _number_key(number)
        if key in table:
            return True, table[key]
        return False, None

    return lookup


def _number_key(number: str) -> str:
    return "".join(fold(nfc(str(number))).upper().split())


def screen_chunk(
    provisions: list[dict[str, Any]],
    basis: Any = None,
    expired: dict[str, str | None] | None = None,
) -> list[dict[str, Any]]:
    """Screen one chunk and return plain dicts: the unit of work of a Celery job or a worker process.

    ``basis`` is a path or dict (picklable) or None for the default; ``expired`` a mapping of expired
    document numbers to their replacement (or None)."""
    b = load_basis(basis) if basis is not None else load_basis()
    lookup = expired_lookup_from(expired)
    return [a.to_dict() for a in screen_many(provisions, b, lookup)]
