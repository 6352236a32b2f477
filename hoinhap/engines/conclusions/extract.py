"""Conclusion notice / directive letter / Government resolution -> proposed tasks ("6 rõ").

The unit is the assigning clause: a numbered point, a bullet or a sentence whose subject is an agency
("Bộ X chủ trì, phối hợp với Y …", "Giao X …", "Đề nghị X …", "Ủy ban nhân dân tỉnh X …"), or a bullet
under a lead-in that names the addressee ("Bộ trưởng Bộ X … thực hiện một số nhiệm vụ sau:"). A
sentence is split where it assigns another agency or a separate "chủ trì, phối hợp" task. Not tasks:
background (a subject followed by "đã", "được"…, a law that "giao" a duty), approval of a policy
("Đồng ý chủ trương …"), accountability clauses ("chịu trách nhiệm trước …"), unnamed actors ("các lực
lượng chức năng"), the Government or the Prime Minister as actor, and the closing formula.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hoinhap.engines.conclusions.actors import Actor, Actors, Subject
from hoinhap.engines.conclusions.model import Document, Extraction, Task
from hoinhap.engines.conclusions.text import Folded, clauses, paragraphs, sentences
from hoinhap.engines.text.agencies import Directory, load_directory
from hoinhap.engines.text.deadlines import find_deadline
from hoinhap.engines.text.normalize import fold

_ASSIGN = re.compile(
    r"(?:(?:thong\s+nhat|dong\s+y)\s+)?(?:giao|de\s+nghi|yeu\s+cau|phan\s+cong|chi\s+dao|uy\s+quyen)\s+"
)
_INTRO_HEAD = re.compile(
    r"(?:tren\s+co\s+so|can\s+cu|dong\s+thoi|truoc\s+mat|ngoai\s+ra|ben\s+canh\s+do|theo\s+do|sau\s+khi|sau\s+do"
    r"|de\b|nham|doi\s+voi|ve\b|trong\b|thoi\s+gian\s+(?:toi|qua)|tiep\s+theo|cu\s+the|mat\s+khac|tuy\s+nhien"
    r"|truong\s+hop|khi\b|ngay\s+sau|trong\s+khi|tai\b|qua\b|tu\b|dac\s+biet|nhat\s+la)"
)
_NOT_TASK_START = re.compile(
    r"(?:dong\s+y|nhat\s+tri|thong\s+nhat\s+(?:chu\s+truong|ve\s+chu\s+truong|nhu\s+de\s+nghi|voi\s+de\s+nghi)"
    r"|chap\s+thuan|phe\s+duyet|ghi\s+nhan|danh\s+gia\s+cao|bieu\s+duong|hoan\s+nghenh|khen\s+ngoi|co\s+ban\s+"
    r"(?:thong\s+nhat|dong\s+y)|ve\s+co\s+ban)\b"
)
_LABELS_NOT_TASK = re.compile(
    r"(?:quan\s+diem|muc\s+tieu|phuong\s+cham|boi\s+canh|ket\s+qua|tinh\s+hinh|danh\s+gia|bai\s+hoc|y\s+nghia"
    r"|nguyen\s+tac|tam\s+nhin)\b"
)
_CLOSING = re.compile(
    r"(?:van\s+phong\s+chinh\s+phu|vpcp|bo\s+\w+(?:\s+\w+){0,4})\s+(?:tran\s+trong\s+|xin\s+)?thong\s+bao\s+"
    r"(?:de|den|cho|toi|[^.]{0,120}biet)"
)
_ACCOUNTABILITY = re.compile(
    r"chiu\s+trach\s+nhiem\s+(?:truoc|toan\s+dien|ve\s+(?:tinh|noi\s+dung|ket\s+qua|viec)|ca\s+nhan"
    r"|(?:to\s+chuc\s+)?thi\s+hanh|(?:huong\s+dan\s*,\s*)?(?:to\s+chuc\s+)?thuc\s+hien\s+(?:nghi\s+quyet|quyet\s+dinh"
    r"|chi\s+thi|thong\s+bao|van\s+ban|thong\s+tu|nghi\s+dinh)\s+nay)"
)
_COMPLIANCE = re.compile(
    r"(?:tiep\s+tuc\s+)?(?:thuc\s+hien|quan\s+triet|trien\s+khai)(?:\s+(?:nghiem(?:\s+tuc)?|tot|day\s+du|ngay))?"
    r"(?:\s*,\s*\w+(?:\s+\w+)?)*\s+(?:cac\s+)?(?:y\s+kien\s+)?(?:chi\s+dao|ket\s+luan)"
)
_DELIVERABLE = re.compile(
    r"(?:(?:du\s+thao|ho\s+so)\s+)?(?:de\s+an|nghi\s+dinh|nghi\s+quyet|quyet\s+dinh|chi\s+thi|thong\s+tu|luat|phap\s+lenh"
    r"|ke\s+hoach|bao\s+cao|chuong\s+trinh|chien\s+luoc|quy\s+hoach|to\s+trinh|phuong\s+an|tieu\s+chi|lo\s+trinh"
    r"|thoa\s+thuan|hiep\s+dinh|ban\s+ghi\s+nho|van\s+ban|quy\s+che|danh\s+muc|de\s+xuat|du\s+an|cong\s+van"
    r"|huong\s+dan|so\s+tay|co\s+so\s+du\s+lieu|bo\s+tieu\s+chi)\b"
)
_PRODUCE = re.compile(
    r"(?:xay\s+dung|hoan\s+thien|hoan\s+thanh|trinh|ban\s+hanh|soan\s+thao|lap|ky\s+ket|ky|tong\s+hop|co"
    r"|sua\s+doi|bo\s+sung|de\s+xuat|chuan\s+bi|tham\s+dinh|nghien\s+cuu|ra\s+soat|gui|thanh\s+lap)"
    r"(?:\s*,\s*\w+(?:\s+\w+)?){0,3}\s+(?:(?:toan\s+dien|day\s+du|khan\s+truong)\s+)?(?:(?:cac|mot)\s+)?$"
)
_AUTHORITY = re.compile(
    r"(?:trinh|bao\s+cao|de\s+xuat|kien\s+nghi)\s+(?:(?:ket\s+qua|tinh\s+hinh)\s+)?"
    r"(?P<who>pho\s+thu\s+tuong\s+chinh\s+phu|thu\s+tuong\s+chinh\s+phu|chinh\s+phu|quoc\s+hoi"
    r"|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi|bo\s+chinh\s+tri|ban\s+bi\s+thu|cap\s+co\s+tham\s+quyen"
    r"|thu\s+tuong|lanh\s+dao\s+chinh\s+phu|hoi\s+dong\s+nhan\s+dan\s+(?:tinh|thanh\s+pho)(?:\s+[A-Za-z]+){0,3}"
    r"|uy\s+ban\s+nhan\s+dan\s+(?:tinh|thanh\s+pho)(?:\s+[A-Za-z]+){0,3}|truong\s+ban\s+chi\s+dao)"
)
_NUMBER = re.compile(r"(?im)^\s*s[ốo]\s*(?:ký\s+hiệu)?\s*[:.]?\s*(\d+[\w./\-Đđ]*(?:/[\wĐđ.\-]+)+)")
_ISSUED = re.compile(r"(?im)^[^\n]{0,60}?,?\s*ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})")
_MEETING = re.compile(r"(?i)ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})")


@dataclass(slots=True)
class _Draft:
    subject: Subject | None
    start: int
    end: int
    para: int
    collective: bool = False
    collective_name: str | None = None
    extra_coordinators: list[Actor] = field(default_factory=list)
    only_compliance: bool = False
    para_start: int = -1
    para_body: int = -1


def _date(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


class Extractor:
    def __init__(self, text: str, directory: Directory | None = None):
        self.text = text
        self.d = directory or load_directory()
        self.fx = Folded(text)
        self.document = self._document()
        self.actors = Actors(self.d, text, self.fx, self.document.reference)
        self.notes: list[str] = []

    # ------------------------------------------------------------------ header

    def _document(self) -> Document:
        text = self.text
        head = text[:3000]
        doc = Document()
        m = _NUMBER.search(head)
        if m:
            doc.number = m.group(1).rstrip(".")
        lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
        for ln in lines[:12]:
            if "ngày" in ln.lower() or "ngay" in fold(ln):
                mm = re.search(r"(?i),\s*ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})", ln)
                if mm:
                    doc.issued = _date(*mm.groups())
                    break
        if lines:
            first = lines[0]
            if first.isupper() or fold(first) in ("chinh phu", "thu tuong chinh phu"):
                agency = self.d.resolve(first.title() if first.isupper() else first)
                if agency is None:
                    agency = self.d.resolve(first)
                doc.issuer = agency.name if agency else first
        if doc.issuer is None and re.search(
            r"van\s+phong\s+chinh\s+phu\s+(?:tran\s+trong\s+)?thong\s+bao", self.fx.f
        ):
            doc.issuer = "Văn phòng Chính phủ"
        f_head = self.fx.f[:3000]
        if re.search(r"(?m)^\s*thong\s+bao\s*$", f_head) or "thong bao ket luan" in f_head:
            doc.kind = "Thông báo"
        elif re.search(r"(?m)^\s*nghi\s+quyet\s*$", f_head):
            doc.kind = "Nghị quyết"
        elif re.search(r"(?m)^\s*(?:v/v|kinh\s+gui)", f_head):
            doc.kind = "Công văn"
        elif re.search(r"ket\s+luan\s+nhu\s+sau", self.fx.f):
            doc.kind = "Kết luận"
        doc.reference = doc.issued
        if doc.reference is None:
            mm = _MEETING.search(text)
            if mm:
                doc.reference = _date(*mm.groups())
        return doc

    # ------------------------------------------------------------------ body bounds

    def _body(self) -> tuple[int, int]:
        f = self.fx.f
        start = 0
        m = re.search(r"(?:nhu\s+sau|quyet\s+nghi|ket\s+luan|chi\s+dao|y\s+kien)\s*:\s*(?:\n|$)", f)
        if m:
            start = self.fx.orig(m.end())
        else:
            dm = re.search(
                r"(?m)^[^\n]{0,60},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}[^\n]*$", f[:3000]
            )
            if dm:
                start = self.fx.orig(dm.end())
        end = len(self.text)
        em = re.search(r"(?m)^\s*noi\s+nhan\s*:", f[self.fx.fpos(start) :])
        if em:
            end = self.fx.orig(self.fx.fpos(start) + em.start())
        return start, end

    # ------------------------------------------------------------------ main

    def run(self) -> Extraction:
        start, end = self._body()
        paras = paragraphs(self.text, start, end)
        drafts: list[_Draft] = []
        stack: list[tuple[float, _Draft | None]] = []  # (level, lead-in subject)
        last_level = 0.0
        stop = False
        for pi, para in enumerate(paras):
            if stop:
                break
            level = para.level
            if level is not None:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                last_level = level
            inherited = stack[-1][1] if stack else None
            current: _Draft | None = None
            para_drafts: list[_Draft] = []
            leadin_subject: _Draft | None = None
            enum_background = False
            sents = sentences(self.text, para.body_start, para.end)
            for si, (ss, se) in enumerate(sents):
                sent_f = self.fx.sub(ss, se)
                if _CLOSING.match(sent_f):
                    stop = True
                    break
                is_leadin = sent_f.rstrip().endswith(":")
                colon_seen = False
                new_sentence = True
                for cs, ce in clauses(self.text, ss, se):
                    kind, subj, body_at = self._analyse(cs, ce, first_of_para=(si == 0 and cs == ss))
                    clause_f = self.fx.sub(cs, ce)
                    if enum_background and re.match(r"\s*\((?:[ivx]+|\d{1,2})\)", clause_f):
                        kind, subj = "other", None  # an item of an enumeration of results, not an assignment
                    if re.search(r":\s*\((?:i|1)\)", clause_f):
                        enum_background = current is None and kind not in ("assign",)
                    if kind == "excluded":
                        current = None
                        new_sentence = False
                        continue
                    if is_leadin:
                        # the lead-in names the addressee of the sub-items; it is not a task itself
                        if subj is not None and kind == "assign":
                            leadin_subject = _Draft(subj, cs, ce, pi, subj.collective, subj.collective_name)
                        elif leadin_subject is None:
                            leadin_subject = (
                                current
                                or (para_drafts[-1] if para_drafts else None)
                                or (inherited if si == 0 else None)
                            )
                        current = None
                        new_sentence = False
                        continue
                    if kind == "assign" and subj is not None and not colon_seen:
                        if subj.authority:
                            current = None
                        elif self._coordinates_back(subj, cs, ce, para_drafts, clause_f):
                            target = para_drafts[-1]
                            target.extra_coordinators.extend(subj.actors)
                            target.end = max(target.end, ce)
                            current = None
                        elif (
                            current is not None
                            and current.only_compliance
                            and current.subject is not None
                            and subj.actors
                            and subj.actors[0].name == current.subject.actors[0].name
                        ):
                            current.end = ce
                            current.only_compliance = False
                        else:
                            current = _Draft(subj, cs, ce, pi, subj.collective, subj.collective_name)
                            current.extra_coordinators.extend(subj.extra)
                            current.only_compliance = bool(
                                _COMPLIANCE.match(self.fx.sub(subj.end, ce).strip())
                            )
                            para_drafts.append(current)
                    elif kind in ("background", "authority", "unnamed"):
                        current = None
                    elif kind == "predicate":
                        # a clause that starts with a verb: the same subject goes on
                        body_f = self.fx.sub(body_at, ce)
                        splits = (
                            not new_sentence
                            and current is not None
                            and re.match(r"chu\s+tri\b", body_f)
                            and not current.only_compliance
                            and not colon_seen
                        )
                        if current is not None and not splits:
                            current.end = ce
                            current.only_compliance = current.only_compliance and bool(
                                _COMPLIANCE.match(body_f)
                            )
                        elif current is not None and splits:
                            current = _Draft(
                                current.subject, cs, ce, pi, current.collective, current.collective_name
                            )
                            para_drafts.append(current)
                        elif (
                            si == 0
                            and not para_drafts
                            and inherited is not None
                            and (inherited.subject is not None or inherited.collective)
                        ):
                            current = _Draft(
                                inherited.subject, cs, ce, pi, inherited.collective, inherited.collective_name
                            )
                            para_drafts.append(current)
                        elif para_drafts and not new_sentence and current is None:
                            pass
                    else:  # "other": text without a subject of its own
                        if current is not None and (not new_sentence or self._has_date(cs, ce)):
                            current.end = ce
                        elif new_sentence:
                            current = None
                    if ":" in self.text[cs:ce].rstrip()[:-1]:
                        colon_seen = True
                    new_sentence = False
            drafts.extend(para_drafts)
            if leadin_subject is not None:
                lvl = level if level is not None else last_level + 0.5
                while stack and stack[-1][0] >= lvl:
                    stack.pop()
                stack.append((lvl, leadin_subject))
        for dr in drafts:
            para = paras[dr.para]
            dr.para_start, dr.para_body = para.start, para.body_start
        tasks = [self._task(dr) for dr in drafts]
        tasks = [t for t in tasks if t is not None]
        return Extraction(self.document, tasks, self.notes)

    def _has_date(self, cs: int, ce: int) -> bool:
        found = find_deadline(self.text[cs:ce], self.document.reference)
        return found is not None and found[0].due is not None

    def _coordinates_back(
        self, subj: Subject, cs: int, ce: int, para_drafts: list[_Draft], clause_f: str
    ) -> bool:
        """ "Bộ Ngoại giao phối hợp chặt chẽ và hỗ trợ để Bộ Công Thương thực hiện nhiệm vụ này": the
        subject coordinates the task just assigned, it is not a new task."""
        if not para_drafts or subj.collective or not subj.actors:
            return False
        rest = self.fx.sub(subj.end, ce)
        if not re.match(r"(?:phoi\s+hop|ho\s+tro|tham\s+gia)\b", rest):
            return False
        prev = para_drafts[-1]
        refers = re.search(r"\b(?:nhiem\s+vu|noi\s+dung|viec|cong\s+viec)\s+(?:nay|tren|neu\s+tren)\b", rest)
        if prev.subject is not None and prev.subject.actors:
            lead = prev.subject.actors[0]
            if fold(lead.surface) in rest or (lead.agency is not None and fold(lead.agency.name) in rest):
                refers = True
        return bool(refers)

    # ------------------------------------------------------------------ one clause

    def _analyse(self, cs: int, ce: int, first_of_para: bool) -> tuple[str, Subject | None, int]:
        """(kind, subject, position after the subject/verb) with kind in assign | predicate | background |
        authority | unnamed | excluded | other."""
        text = self.text
        p = cs
        f = self.fx.sub(p, ce)
        # enumerations inside a sentence: "(i)", "a)"
        em = re.match(r"\s*(?:\((?:[ivx]+|\d+|[a-z])\)|[a-z]\))\s*", f)
        if em:
            p = self.fx.orig(self.fx.fpos(p) + em.end())
        # a topic label: "Nhiệm vụ tổng quát: …", "Mục tiêu: …"
        lm = re.match(r"([^:;,.]{2,40}(?:,[^:;,.]{2,30})?):\s*", self.fx.sub(p, ce))
        if (
            lm
            and len(lm.group(1).split()) <= 6
            and not re.search(r"cac\s+(?:bo|tinh|thanh\s+pho|nganh)\s*$", lm.group(1))
            and not any(
                cs <= m.start < self.fx.orig(self.fx.fpos(p) + lm.end()) for m in self.actors.mentions
            )
        ):
            if _LABELS_NOT_TASK.match(lm.group(1).strip()):
                return "excluded", None, p
            p = self.fx.orig(self.fx.fpos(p) + lm.end())
        f = self.fx.sub(p, ce)
        if _NOT_TASK_START.match(f):
            return "excluded", None, p
        if _ACCOUNTABILITY.search(f[:200]) and not re.search(r"chu\s+tri|phoi\s+hop", f[:200]):
            return "excluded", None, p
        candidates = [p]
        # an introductory phrase: try after each comma
        if _INTRO_HEAD.match(f):
            for cm in re.finditer(r",\s*", f[:260]):
                candidates.append(self.fx.orig(self.fx.fpos(p) + cm.end()))
        verb_first = self.actors.predicate_at(p, ce)
        starts_with_verb = False
        if verb_first is not None:
            starts_with_verb = self.fx.fpos(p) == verb_first.start() or (
                re.match(r"\s*", f) and self.fx.f[self.fx.fpos(p) : verb_first.start()].strip() == ""
            )
        upper_pred = re.match(r"(?:" + _pred_alt() + r")(?![\w])", f)
        for q in candidates:
            qf = self.fx.sub(q, ce)
            am = _ASSIGN.match(qf)
            leader = re.match(
                r"(?:pho\s+)?thu\s+tuong(?:\s+chinh\s+phu)?(?:\s+[A-ZĐa-z]\w*){0,4}?\s+(?:giao|yeu\s+cau|de\s+nghi|chi\s+dao)\s+",
                qf,
            ) or re.match(r"(?:chinh\s+phu|lanh\s+dao\s+chinh\s+phu)\s+(?:giao|yeu\s+cau|de\s+nghi)\s+", qf)
            if leader:
                am = leader
            at = self.fx.orig(self.fx.fpos(q) + am.end()) if am else q
            subj, status = self.actors.subject_at(at, ce)
            if status == "ok" and subj is not None:
                if subj.authority and am is None:
                    return "authority", None, subj.end
                if subj.authority:
                    continue
                rest = self.fx.sub(subj.end, ce)
                if _ACCOUNTABILITY.match(rest):
                    return "excluded", None, subj.end
                return "assign", subj, subj.end
            if status == "background":
                return "background", None, at
            if status == "unnamed" and q == p:
                return "unnamed", None, at
        if upper_pred or starts_with_verb:
            return "predicate", None, p
        if re.match(r"\s*(?:dong\s+thoi|ngoai\s+ra|tiep\s+tuc|sau\s+do)\s*,?\s*", f):
            return "predicate", None, p
        del text
        return "other", None, p

    # ------------------------------------------------------------------ a draft -> a task

    def _task(self, dr: _Draft) -> Task | None:
        text = self.text
        s, e = dr.start, dr.end
        # a quote starts at the marker of its point if the draft starts at the paragraph body
        quote_start = para_marker_start = s
        if dr.para_body == s and dr.para_start >= 0:
            para_marker_start = dr.para_start
        quote_start = para_marker_start
        while e > s and text[e - 1].isspace():
            e -= 1
        quote = text[quote_start:e]
        ref = self.document.reference
        co_leads: list[str] = []
        if dr.collective:
            lead = dr.collective_name or ""
            lead_current = lead
            resolved = False
            code = current_code = None
        else:
            actors = dr.subject.actors if dr.subject else []
            if not actors:
                return None
            first = actors[0]
            lead = first.name
            resolved = first.agency is not None
            code = first.agency.code if first.agency else None
            if first.agency is not None:
                cur = self.d.current(first.agency)
                lead_current, current_code = cur.name, cur.code
            else:
                lead_current, current_code = lead, None
            for a in actors[1:]:
                if a.name not in co_leads and a.name != lead:
                    co_leads.append(a.name)
        coords: list[str] = []
        for a in dr.extra_coordinators + self.actors.coordinators(s, e):
            if a.name != lead and a.name not in coords and a.name not in co_leads:
                coords.append(a.name)
        found = find_deadline(quote, ref)
        deadline_text = None
        deadline_kind = "none"
        due = None
        if found is not None:
            dl = found[0]
            deadline_kind = dl.kind
            due = dl.due
            if dl.kind not in ("asap",):
                deadline_text = dl.text
        task = Task(
            lead=lead,
            lead_current=lead_current,
            lead_resolved=resolved,
            quote=quote,
            quote_start=quote_start,
            quote_end=e,
            co_leads=co_leads,
            coordinators=coords,
            deadline_text=deadline_text,
            deadline_kind=deadline_kind,
            due=due,
            deliverable=self._deliverable(s, e),
            authority=self._authority(s, e),
            collective=dr.collective,
            lead_code=code,
            lead_current_code=current_code,
        )
        return task

    def _deliverable(self, s: int, e: int) -> str | None:
        fs, fe = self.fx.fpos(s), self.fx.fpos(e)
        f = self.fx.f
        for m in _DELIVERABLE.finditer(f, fs, fe):
            before = f[max(fs, m.start() - 60) : m.start()]
            after = f[m.end() : m.end() + 12]
            if re.match(r"\s*(?:so\b|\d)", after) or re.search(r"(?:tai|theo|cua|va)\s+$", before):
                continue
            if not _PRODUCE.search(before):
                continue
            o_s = self.fx.orig(m.start())
            stop = re.search(
                r"[,;.:]|\s(?:trinh|bao\s+cao|truoc|de|theo|bao\s+dam|dam\s+bao|gui|tai|trong|hoan\s+thanh)\s",
                f[m.end() : fe],
            )
            o_e = self.fx.orig(m.end() + (stop.start() if stop else fe - m.end()))
            phrase = self.text[o_s:o_e].strip()
            words = phrase.split()
            if len(words) > 16:
                phrase = " ".join(words[:16]) + " …"
            return re.sub(r"\s+", " ", phrase)
        return None

    def _authority(self, s: int, e: int) -> str | None:
        m = _AUTHORITY.search(self.fx.f, self.fx.fpos(s), self.fx.fpos(e))
        if not m:
            return None
        o_s, o_e = self.fx.orig(m.start("who")), self.fx.orig(m.end("who"))
        surface = re.sub(r"\s+", " ", self.text[o_s:o_e]).strip()
        agency = self.d.resolve(surface)
        if agency is not None and fold(agency.name) == fold(surface):
            return agency.name
        return surface[:1].upper() + surface[1:]


_PRED_CACHE: list[str] = []


def _pred_alt() -> str:
    if not _PRED_CACHE:
        from hoinhap.engines.conclusions.actors import PREDICATES

        _PRED_CACHE.append("|".join(re.escape(p).replace(r"\ ", r"\s+") for p in PREDICATES))
    return _PRED_CACHE[0]


def extract(text: str, directory: Directory | None = None) -> Extraction:
    """Propose the tasks assigned by a conclusion notice, directive letter or resolution."""
    if text is None or not text.strip():
        return Extraction(Document(), [], ["Văn bản trống."])
    return Extractor(text, directory).run()
