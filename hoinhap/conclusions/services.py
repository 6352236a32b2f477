"""Writes of "meeting conclusions into tasks": every one permitted, scoped, in a transaction, audited.

Who (SPEC "Users", issue 8):
- the secretariat and agency focal points bring a notice in, correct its proposal and create the tasks
  (``may_create_tasks``); officers, leaders and observers read their notices but change nothing;
- a notice belongs to the agency of the person who brought it in; the secretariat sees and edits all;
- a focal point creates tasks of their own agency only (as ``tasks.services.save_task`` requires):
  rows proposed for another agency are set aside with a note when the notice is read, and a row
  cannot be confirmed for another agency.

Rows (ProposedTask): pending -> confirmed (lead chosen, fields checked) or dropped (with a note).
- An agency the engine could not resolve keeps the words as written (``lead_text``) and no ``lead``:
  the row cannot be confirmed until the person chooses one.
- A collective row ("các bộ, ngành, địa phương") is set aside by default with a note: a direction to
  every ministry and province is not one trackable task. The person may bring it back and choose the
  agencies it goes to (the lead and joint leads); each chosen agency then gets its own task.
- Joint leads (đồng chủ trì) each get their own task with the same quote; the other leads are named
  in its description; the coordinators (phối hợp) are the task's Coordination rows.

``create_tasks`` makes the Source (kind "conclusion") and every task in ONE transaction: any row that
fails (an inactive agency, a refused agency, a validation error) leaves nothing behind.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F

from hoinhap.agencies.models import Agency, Role
from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.core import audit
from hoinhap.core.models import AuditEntry
from hoinhap.core.scoping import WRITE, require
from hoinhap.engines.text.deadlines import parse_deadline
from hoinhap.engines.text.normalize import fold
from hoinhap.tasks.models import Source, Task
from hoinhap.tasks.status import today

MAX_TEXT_CHARS = 400_000
FILE_TYPES = {".txt": None, ".docx": (b"PK\x03\x04",), ".pdf": (b"%PDF",)}
FILE_TYPES_LABEL = "TXT, DOCX, PDF"
COLLECTIVE_NOTE = (
    "Giao chung cho các bộ, ngành, địa phương: không tạo nhiệm vụ, trừ khi chọn cơ quan cụ thể "
    "(bấm “Giao cho cơ quan cụ thể”)."
)


def max_upload_bytes() -> int:
    return int(getattr(settings, "HOINHAP_CONCLUSION_MAX_BYTES", 10 * 1024 * 1024))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


# ----------------------------------------------------------------------------- who


def may_create_tasks(user) -> bool:
    """Secretariat and agency focal points (never observers, officers or leaders)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.may_write
        and (user.edits_all_agencies or user.role == Role.FOCAL_POINT)
    )


def _require_creator(actor) -> None:
    if not may_create_tasks(actor):
        raise PermissionDenied(
            "Chỉ Cơ quan thường trực và đầu mối của cơ quan được tạo nhiệm vụ từ thông báo kết luận."
        )


def _require_draft_notice(actor, notice: Notice) -> Notice:
    _require_creator(actor)
    require(actor, notice, WRITE)
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if not notice.is_draft:
        raise ValidationError("Thông báo này đã được tạo nhiệm vụ; không sửa đề xuất được nữa.")
    return notice


def _row_for_write(actor, row: ProposedTask) -> ProposedTask:
    _require_draft_notice(actor, row.notice)
    return ProposedTask.objects.select_related("notice", "lead").get(pk=row.pk)


def _row_snapshot(row: ProposedTask) -> dict:
    return audit.snapshot(row)


# ----------------------------------------------------------------------------- reading the input


def read_upload(upload) -> str:
    """The text of an uploaded TXT, DOCX or PDF; ValidationError (Vietnamese) for anything else."""
    name = Path(upload.name or "").name
    ext = Path(name).suffix.lower()
    if ext == ".doc":
        raise ValidationError(
            f"Tệp “{name}” là Word 97-2003 (.doc), chưa đọc được; hãy lưu lại thành .docx hoặc PDF."
        )
    if ext not in FILE_TYPES:
        raise ValidationError(f"Tệp “{name}” không được chấp nhận: chỉ nhận {FILE_TYPES_LABEL}.")
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(f"Tệp “{name}” quá lớn ({_mb(upload.size)} MB); tối đa {_mb(limit)} MB.")
    upload.seek(0)
    data = upload.read()
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ValidationError(f"Tệp “{name}” rỗng: không có nội dung để trích xuất nhiệm vụ.")
    signatures = FILE_TYPES[ext]
    if signatures is not None and not any(data.startswith(s) for s in signatures):
        raise ValidationError(
            f"Tệp “{name}” không đúng định dạng {ext[1:].upper()} (nội dung không khớp đuôi tệp)."
        )
    if ext == ".txt":
        if b"\x00" not in data:
            try:
                return data.decode("utf-8-sig")
            except UnicodeDecodeError:
                pass  # legacy encodings (TCVN3, VNI, Windows-1258, UTF-16): the legal engine's reader
    from hoinhap.engines.legal.errors import LegalReadError
    from hoinhap.engines.legal.readers import read_bytes

    try:
        result = read_bytes(data, name)
    except LegalReadError as exc:
        raise ValidationError(f"Không đọc được tệp “{name}”: {exc.message}") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged file is the person's problem, told in Vietnamese
        raise ValidationError(
            f"Không đọc được tệp “{name}”: tệp bị hỏng hoặc không đúng định dạng ({type(exc).__name__})."
        ) from exc
    text = "\n".join(result.lines)
    if not text.strip():
        raise ValidationError(
            f"Tệp “{name}” không có lớp chữ (có thể là bản quét): hãy dán nội dung văn bản vào ô bên dưới."
        )
    return text


def clean_text(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


# ----------------------------------------------------------------------------- proposing

_BULLET = re.compile(r"^\s*(?:[-+•–*]\s*|[a-zđ0-9]{1,2}[.)]\s+)?", re.IGNORECASE)
_VERB = re.compile(r"^(?:giao|đề nghị|yêu cầu|chỉ đạo)\s+", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:,\s*|\s+)(?:và\s+)?các\s+(?:cơ quan|bộ, ngành|đơn vị)\s+(?:có\s+)?liên quan", re.I
)
_LEAD_ROLE = re.compile(r"^[\s,]*chủ trì(?:\s*,\s*|\s+)?", re.IGNORECASE)
_WITH = re.compile(r"^(?:phối hợp(?:\s+chặt chẽ)?\s+với|cùng)\s+", re.IGNORECASE)
_TAIL = re.compile(r"[\s,;:]*(?:hoàn thành|xong|trình|báo cáo)?\s*$", re.IGNORECASE)


def _strip_prefix(text: str, words: str) -> str:
    words = " ".join(words.split())
    if words and fold(text[: len(words)]) == fold(words):
        return text[len(words) :]
    return text


def proposed_title(quote: str, lead_text: str, coordinators: list[str], deadline_text: str) -> str:
    """A short "what" from the quote: without the bullet, the lead, the coordinators and the deadline."""
    text = " ".join(quote.split())
    first = re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ“\"])", text, maxsplit=1)[0]
    t = _BULLET.sub("", first, count=1)
    t = _VERB.sub("", t, count=1)
    before = t
    t = _strip_prefix(t, lead_text)
    if t != before:
        t = _RELATED.sub("", t, count=1)
        t = _LEAD_ROLE.sub("", t, count=1)
        m = _WITH.match(t)
        if m:
            rest = t[m.end() :]
            for name in sorted(coordinators, key=len, reverse=True):
                stripped = _strip_prefix(rest, name)
                if stripped != rest:
                    rest = re.sub(r"^\s*(?:,|và)?\s*", "", stripped, count=1)
            t = rest
    deadline = " ".join((deadline_text or "").split())
    if deadline:
        at = fold(t).find(fold(deadline))
        if at > 0:
            t = _TAIL.sub("", t[:at])
    t = t.strip(" ,;:.")
    if not t:
        t = text
    if len(t) > 200:
        cut = t[:200].rsplit(" ", 1)[0]
        t = cut.rstrip(" ,;:") + "…"
    return t[:1].upper() + t[1:]


def _resolve(name: str | None, on=None) -> Agency | None:
    """The active Agency row a name refers to (its successor today), or None."""
    if not name or not name.strip():
        return None
    from hoinhap.engines.text.agencies import load_directory

    directory = load_directory()
    hit = directory.resolve(name, on=on)
    if hit is None:
        return None
    current = directory.current(hit)
    agency = Agency.objects.filter(code=current.code).first()
    if agency is not None and not agency.active:
        agency = agency.current()
    return agency if agency is not None and agency.active else None


def _agency_by_code(code: str | None) -> Agency | None:
    if not code:
        return None
    agency = Agency.objects.filter(code=code).first()
    if agency is not None and not agency.active:
        agency = agency.current()
    return agency if agency is not None and agency.active else None


def preview_due(notice: Notice, deadline_text: str):
    """The date a deadline phrase gives, read as save_task will read it (against the notice's date)."""
    return parse_deadline(deadline_text or "", notice.issued or today()).due


@transaction.atomic
def propose(actor, text: str, filename: str = "") -> Notice:
    """Read a notice and keep its proposal. ValidationError (nothing saved) for empty text or no task."""
    _require_creator(actor)
    if not actor.agency_id:
        raise PermissionDenied("Tài khoản chưa thuộc cơ quan nào nên không lưu được thông báo.")
    text = clean_text(text)
    if not text.strip():
        raise ValidationError("Chưa có nội dung: hãy dán toàn văn thông báo kết luận hoặc chọn tệp.")
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            f"Văn bản quá dài ({len(text):,} ký tự); tối đa {MAX_TEXT_CHARS:,} ký tự.".replace(",", ".")
        )
    from hoinhap.engines.conclusions import extract

    try:
        result = extract(text)
    except Exception as exc:  # noqa: BLE001
        raise ValidationError(
            f"Không trích xuất được nhiệm vụ: lỗi không mong đợi khi đọc văn bản ({type(exc).__name__})."
        ) from exc
    if not result.tasks:
        raise ValidationError(
            "Không tìm thấy nhiệm vụ nào được giao trong văn bản (không có câu giao việc cho cơ quan nào). "
            "Hãy kiểm tra đã dán đúng thông báo kết luận, công văn hoặc nghị quyết có phần giao nhiệm vụ."
        )
    doc = result.document
    title = " ".join(
        p
        for p in [
            doc.kind or "Thông báo kết luận",
            f"ngày {doc.issued:%d/%m/%Y}" if doc.issued else "",
            f"của {doc.issuer}" if doc.issuer else "",
        ]
        if p
    )
    if filename and not doc.number and not doc.issued:
        title = f"{title} ({Path(filename).name})"
    notice = Notice(
        agency_id=actor.agency_id,
        text=text,
        filename=Path(filename).name[:255] if filename else "",
        kind=(doc.kind or "")[:60],
        number=(doc.number or "")[:80],
        title=title[:400],
        issuer=(doc.issuer or "")[:200],
        issued=doc.issued,
        meeting_date=doc.reference if doc.reference != doc.issued else None,
        created_by=actor,
    )
    notice.full_clean()
    notice.save()
    for position, t in enumerate(result.tasks, 1):
        _add_proposed(actor, notice, position, t)
    audit.record(actor, AuditEntry.Action.CREATE, notice, None, _notice_snapshot(notice))
    return notice


def _add_proposed(actor, notice: Notice, position: int, t) -> ProposedTask:
    on = notice.issued or notice.meeting_date
    lead = None if t.collective else (_agency_by_code(t.lead_current_code) or _resolve(t.lead_current, on))
    co_leads, co_unresolved = [], []
    for name in t.co_leads:
        a = _resolve(name, on)
        (co_leads.append(a) if a is not None else co_unresolved.append(name))
    coordinators, co_text = [], []
    for name in t.coordinators:
        a = _resolve(name, on)
        (coordinators.append(a) if a is not None else co_text.append(name))
    leads = {a.pk for a in [lead, *co_leads] if a is not None}
    coordinators = [a for i, a in enumerate(coordinators) if a.pk not in leads and a not in coordinators[:i]]
    co_leads = [a for i, a in enumerate(co_leads) if a != lead and a not in co_leads[:i]]
    deadline = " ".join((t.deadline_text or "").split())
    row = ProposedTask(
        notice=notice,
        position=position,
        collective=t.collective,
        lead=lead,
        lead_text=(t.lead if t.lead_current == t.lead else f"{t.lead} (nay là {t.lead_current})")[:300],
        co_leads_text="; ".join(co_unresolved)[:500],
        coordinators_text="; ".join(co_text)[:500],
        title=proposed_title(t.quote, t.lead, t.coordinators, t.deadline_text or "")[:400],
        deadline_text=deadline[:300],
        due=preview_due(notice, deadline),
        deliverable=(t.deliverable or "")[:400],
        authority_text=(t.authority or "")[:200],
        quote=t.quote,
        quote_start=t.quote_start,
        quote_end=t.quote_end,
    )
    if t.collective:
        row.state, row.note = ProposedTask.State.DROPPED, COLLECTIVE_NOTE
    elif lead is not None and not actor.edits_all_agencies and lead.pk != actor.agency_id:
        row.state = ProposedTask.State.DROPPED
        row.note = (
            f"Giao cho {lead.name}: chỉ Cơ quan thường trực tạo nhiệm vụ cho cơ quan khác; "
            "khôi phục nếu đây là nhiệm vụ của cơ quan mình."
        )[:400]
    row.full_clean()
    row.save()
    row.co_leads.set(co_leads)
    row.coordinators.set(coordinators)
    return row


def _notice_snapshot(notice: Notice) -> dict:
    data = audit.snapshot(notice)
    data.pop("text", None)
    data["text_chars"] = len(notice.text)
    data["rows"] = notice.rows.count()
    return data


@transaction.atomic
def update_notice(actor, notice: Notice, data: dict) -> Notice:
    """The notice's own number, title, issuer and date (what the Source will hold)."""
    notice = _require_draft_notice(actor, notice)
    before = _notice_snapshot(notice)
    for name in ("number", "title", "issuer", "issued"):
        if name in data:
            setattr(
                notice, name, data[name] if data[name] is not None else ("" if name != "issued" else None)
            )
    notice.full_clean()
    notice.save()
    if "issued" in data:  # deadlines are read against the notice's date: refresh the previews
        for row in notice.rows.all():
            due = preview_due(notice, row.deadline_text)
            if due != row.due:
                row.due = due
                row.save(update_fields=["due"])
    audit.record(actor, AuditEntry.Action.UPDATE, notice, before, _notice_snapshot(notice))
    return notice


# ----------------------------------------------------------------------------- rows


def _check_row(actor, row: ProposedTask, co_leads: list[Agency], coordinators: list[Agency]) -> None:
    errors: dict[str, list[str]] = {}
    if row.lead is None:
        words = f" Văn bản ghi: “{row.lead_text}”." if row.lead_text else ""
        errors.setdefault("lead", []).append(
            f"Chưa chọn cơ quan chủ trì.{words} Hãy chọn cơ quan trong danh sách trước khi xác nhận."
        )
    elif not row.lead.active:
        errors.setdefault("lead", []).append(
            f"{row.lead.name} không còn hoạt động; hãy chọn cơ quan kế thừa."
        )
    if not row.title.strip():
        errors.setdefault("title", []).append("Chưa nêu nội dung công việc (rõ việc).")
    leads = [a for a in [row.lead, *co_leads] if a is not None]
    inactive = [a.name for a in [*co_leads, *coordinators] if not a.active]
    if inactive:
        errors.setdefault("coordinators", []).append(
            "Cơ quan không còn hoạt động: " + ", ".join(inactive) + "."
        )
    both = [a.name for a in coordinators if a in leads]
    if both:
        errors.setdefault("coordinators", []).append(
            "Cơ quan chủ trì không đồng thời là cơ quan phối hợp: " + ", ".join(both) + "."
        )
    if not actor.edits_all_agencies:
        others = [a.name for a in leads if a.pk != actor.agency_id]
        if others:
            errors.setdefault("lead", []).append(
                "Đầu mối chỉ tạo nhiệm vụ cho cơ quan mình; nhiệm vụ của "
                + ", ".join(others)
                + " do Cơ quan thường trực giao. Hãy bỏ dòng này hoặc chọn lại cơ quan."
            )
    if errors:
        raise ValidationError(errors)


ROW_FIELDS = ("lead", "title", "deadline_text", "deliverable", "authority_text")


@transaction.atomic
def save_row(
    actor,
    row: ProposedTask,
    data: dict,
    co_leads: list[Agency] | None = None,
    coordinators: list[Agency] | None = None,
    confirm: bool = True,
) -> ProposedTask:
    """Correct a row (its six fields) and confirm it. ValidationError names what is missing; the row is
    then left as it was."""
    row = _row_for_write(actor, row)
    before = _row_snapshot(row)
    for name in ROW_FIELDS:
        if name in data:
            value = data[name]
            setattr(row, name, value if value is not None or name == "lead" else "")
    for name in ("title", "deadline_text", "deliverable", "authority_text"):
        setattr(row, name, " ".join((getattr(row, name) or "").split()))
    co_leads = list(co_leads if co_leads is not None else row.co_leads.all())
    coordinators = list(coordinators if coordinators is not None else row.coordinators.all())
    co_leads = [a for i, a in enumerate(co_leads) if a != row.lead and a not in co_leads[:i]]
    coordinators = [a for i, a in enumerate(coordinators) if a not in coordinators[:i]]
    row.due = preview_due(row.notice, row.deadline_text)
    if confirm:
        _check_row(actor, row, co_leads, coordinators)
        row.state = ProposedTask.State.CONFIRMED
        row.note = ""
    row.full_clean()
    row.save()
    row.co_leads.set(co_leads)
    row.coordinators.set(coordinators)
    audit.record(actor, AuditEntry.Action.UPDATE, row, before, _row_snapshot(row))
    return row


@transaction.atomic
def drop_row(actor, row: ProposedTask, note: str = "") -> ProposedTask:
    row = _row_for_write(actor, row)
    before = _row_snapshot(row)
    row.state = ProposedTask.State.DROPPED
    row.note = (" ".join(note.split()) or "Đã bỏ: không tạo nhiệm vụ từ dòng này.")[:400]
    row.save(update_fields=["state", "note"])
    audit.record(actor, AuditEntry.Action.UPDATE, row, before, _row_snapshot(row))
    return row


@transaction.atomic
def restore_row(actor, row: ProposedTask) -> ProposedTask:
    """Bring a dropped row back to "chờ xác nhận" (a collective row: to choose its agencies)."""
    row = _row_for_write(actor, row)
    before = _row_snapshot(row)
    row.state = ProposedTask.State.PENDING
    row.note = "Chọn cơ quan chủ trì (và đồng chủ trì nếu giao cho nhiều cơ quan)." if row.collective else ""
    row.save(update_fields=["state", "note"])
    audit.record(actor, AuditEntry.Action.UPDATE, row, before, _row_snapshot(row))
    return row


def _renumber(notice: Notice) -> None:
    for i, r in enumerate(notice.rows.order_by("position", "id"), 1):
        if r.position != i:
            ProposedTask.objects.filter(pk=r.pk).update(position=i)


_SENTENCE_END = re.compile(r"[.;](?=\s+\S)")


@transaction.atomic
def split_row(actor, row: ProposedTask) -> tuple[ProposedTask, ProposedTask]:
    """One row into two. The quote is cut at the sentence boundary nearest its middle (each part keeps
    its own quote); a one-sentence quote is kept by both. The second row starts "chờ xác nhận" with
    the same fields, for the person to correct."""
    row = _row_for_write(actor, row)
    notice = row.notice
    co_leads, coordinators = list(row.co_leads.all()), list(row.coordinators.all())
    start, end = row.quote_start, row.quote_end
    quote = row.quote
    cuts = [m.end() for m in _SENTENCE_END.finditer(quote)]
    first_quote, second_quote = quote, quote
    second_start = start
    if cuts:
        cut = min(cuts, key=lambda c: abs(c - len(quote) / 2))
        rest = len(quote[cut:]) - len(quote[cut:].lstrip())
        first_quote, second_quote = quote[:cut], quote[cut + rest :]
        second_start = start + cut + rest
    before = _row_snapshot(row)
    ProposedTask.objects.filter(notice=notice, position__gt=row.position).update(position=F("position") + 1)
    row.quote, row.quote_end = first_quote, start + len(first_quote)
    if row.state == ProposedTask.State.CONFIRMED:
        row.state = ProposedTask.State.PENDING
    row.save()
    second = ProposedTask.objects.create(
        notice=notice,
        position=row.position + 1,
        state=ProposedTask.State.PENDING,
        collective=row.collective,
        lead=row.lead,
        lead_text=row.lead_text,
        co_leads_text=row.co_leads_text,
        coordinators_text=row.coordinators_text,
        title=(
            proposed_title(second_quote, row.lead_text, [a.name for a in coordinators], row.deadline_text)
            if second_quote != first_quote
            else row.title
        )[:400],
        deadline_text=row.deadline_text,
        due=row.due,
        deliverable=row.deliverable,
        authority_text=row.authority_text,
        quote=second_quote,
        quote_start=second_start,
        quote_end=end,
        note=f"Tách từ dòng {row.position}.",
    )
    second.co_leads.set(co_leads)
    second.coordinators.set(coordinators)
    audit.record(actor, AuditEntry.Action.UPDATE, row, before, _row_snapshot(row))
    audit.record(actor, AuditEntry.Action.CREATE, second, None, _row_snapshot(second))
    return row, second


@transaction.atomic
def merge_rows(actor, notice: Notice, rows: list[ProposedTask]) -> ProposedTask:
    """Two (or more) rows of one notice into one: the first keeps its fields, takes the others' agencies,
    and its quote spans all of theirs; the others are deleted."""
    notice = _require_draft_notice(actor, notice)
    ids = sorted({r.pk for r in rows})
    found = list(ProposedTask.objects.filter(notice=notice, pk__in=ids).order_by("position", "id"))
    if len(ids) < 2:
        raise ValidationError("Chọn ít nhất hai dòng để gộp.")
    if len(found) != len(ids):
        raise ValidationError("Chỉ gộp được các dòng của cùng một thông báo.")
    keep, others = found[0], found[1:]
    before = _row_snapshot(keep)
    co_leads = list(keep.co_leads.all())
    coordinators = list(keep.coordinators.all())
    texts = {"co_leads_text": [keep.co_leads_text], "coordinators_text": [keep.coordinators_text]}
    for o in others:
        if keep.lead is None and o.lead is not None:
            keep.lead, keep.lead_text = o.lead, o.lead_text
        elif o.lead is not None and o.lead != keep.lead:
            co_leads.append(o.lead)
        co_leads += list(o.co_leads.all())
        coordinators += list(o.coordinators.all())
        texts["co_leads_text"].append(o.co_leads_text)
        texts["coordinators_text"].append(o.coordinators_text)
        if o.title and o.title not in keep.title:
            keep.title = f"{keep.title}; {o.title}" if keep.title else o.title
        if not keep.deadline_text and o.deadline_text:
            keep.deadline_text, keep.due = o.deadline_text, o.due
        elif o.due and keep.due and o.due < keep.due:
            keep.deadline_text, keep.due = o.deadline_text, o.due  # the earlier deadline binds
        if o.deliverable and o.deliverable not in keep.deliverable:
            keep.deliverable = f"{keep.deliverable}; {o.deliverable}" if keep.deliverable else o.deliverable
        keep.authority_text = keep.authority_text or o.authority_text
    keep.collective = all(r.collective for r in found)
    keep.quote_start = min(r.quote_start for r in found)
    keep.quote_end = max(r.quote_end for r in found)
    keep.quote = notice.text[keep.quote_start : keep.quote_end]
    keep.title = keep.title[:400]
    keep.deliverable = keep.deliverable[:400]
    for name, parts in texts.items():
        setattr(keep, name, "; ".join(dict.fromkeys(p for p in parts if p))[:500])
    keep.state = ProposedTask.State.PENDING
    keep.note = "Gộp các dòng " + ", ".join(str(r.position) for r in found) + "."
    leads = [a for a in [keep.lead] if a is not None]
    co_leads = [a for i, a in enumerate(co_leads) if a not in leads and a not in co_leads[:i]]
    coordinators = [
        a for i, a in enumerate(coordinators) if a not in leads + co_leads and a not in coordinators[:i]
    ]
    keep.full_clean()
    keep.save()
    keep.co_leads.set(co_leads)
    keep.coordinators.set(coordinators)
    for o in others:
        audit.record(actor, AuditEntry.Action.DELETE, o, _row_snapshot(o), None)
        o.delete()
    _renumber(notice)
    keep.refresh_from_db()
    audit.record(actor, AuditEntry.Action.UPDATE, keep, before, _row_snapshot(keep))
    return keep


# ----------------------------------------------------------------------------- creating the tasks

AUTHORITIES = [
    ("bo chinh tri", Task.Authority.POLITBURO),
    ("ban bi thu", Task.Authority.POLITBURO),
    ("quoc hoi", Task.Authority.NATIONAL_ASSEMBLY),
    ("thu tuong", Task.Authority.PRIME_MINISTER),
    ("ban chi dao", Task.Authority.STEERING_COMMITTEE),
    ("chinh phu", Task.Authority.GOVERNMENT),
    ("bo truong", Task.Authority.MINISTER),
    ("thu truong co quan", Task.Authority.MINISTER),
    ("uy ban nhan dan", Task.Authority.PROVINCE),
    ("ubnd", Task.Authority.PROVINCE),
]
PRODUCTS = [
    ("luat", Task.Product.LAW),
    ("nghi dinh", Task.Product.DECREE),
    ("nghi quyet", Task.Product.RESOLUTION),
    ("quyet dinh", Task.Product.DECISION),
    ("chi thi", Task.Product.DIRECTIVE),
    ("thong tu", Task.Product.CIRCULAR),
    ("de an", Task.Product.SCHEME),
    ("chuong trinh", Task.Product.PROGRAMME),
    ("ke hoach", Task.Product.PLAN),
    ("chien luoc", Task.Product.STRATEGY),
    ("bao cao", Task.Product.REPORT),
]


def authority_choice(text: str) -> str:
    f = fold(text or "")
    for key, value in AUTHORITIES:
        if key in f:
            return value
    return Task.Authority.OTHER if f.strip() else ""


def product_choice(text: str) -> str:
    f = fold(text or "").strip()
    for key, value in PRODUCTS:
        if f.startswith(key):
            return value
    return ""


def _source_for(actor, notice: Notice) -> Source:
    if notice.number:
        found = Source.objects.filter(
            kind=Source.Kind.CONCLUSION, number=notice.number, issued=notice.issued
        ).first()
        if found is not None:
            return found
    source = Source(
        kind=Source.Kind.CONCLUSION,
        number=notice.number,
        title=notice.title,
        issuer=notice.issuer,
        issued=notice.issued,
        text=notice.text,
    )
    source.full_clean()
    source.save()
    data = audit.snapshot(source)
    data.pop("text", None)
    audit.record(actor, AuditEntry.Action.CREATE, source, None, data)
    return source


@transaction.atomic
def create_tasks(actor, notice: Notice) -> list[Task]:
    """Every confirmed row -> tasks (one per lead and joint lead), in ONE transaction; all or nothing."""
    from hoinhap.tasks.services import save_task

    notice = _require_draft_notice(actor, notice)
    rows = list(notice.rows.select_related("lead").prefetch_related("co_leads", "coordinators"))
    pending = [str(r.position) for r in rows if r.is_pending]
    if pending:
        raise ValidationError(
            "Còn dòng chưa xác nhận hoặc chưa bỏ: " + ", ".join(pending) + ". Hãy xác nhận hoặc bỏ từng dòng."
        )
    confirmed = [r for r in rows if r.is_confirmed]
    if not confirmed:
        raise ValidationError("Chưa có dòng nào được xác nhận: không có nhiệm vụ nào để tạo.")
    source = _source_for(actor, notice)
    created: list[Task] = []
    for row in confirmed:
        leads = [row.lead, *row.co_leads.all()]
        coordinators = list(row.coordinators.all())
        try:
            _check_row(actor, row, leads[1:], coordinators)
            for lead in leads:
                others = [a.name for a in leads if a != lead]
                description = " ".join(row.quote.split())
                if others:
                    description += "\n\nĐồng chủ trì: " + ", ".join(others) + "."
                if row.coordinators_text:
                    description += f"\n\nPhối hợp (như văn bản): {row.coordinators_text}."
                data = {
                    "agency": lead,
                    "source": source,
                    "source_quote": row.quote,
                    "title": row.title,
                    "description": description,
                    "deadline_text": row.deadline_text,
                    "product": row.deliverable,
                    "product_kind": product_choice(row.deliverable),
                    "authority": authority_choice(row.authority_text),
                    "authority_text": row.authority_text,
                }
                task = save_task(actor, None, data, coordinators=[(a, "") for a in coordinators if a != lead])
                created.append(task)
        except ValidationError as exc:
            raise ValidationError(f"Dòng {row.position}: " + " ".join(exc.messages)) from exc
        except PermissionDenied as exc:
            raise ValidationError(f"Dòng {row.position}: {exc}") from exc
    before = _notice_snapshot(notice)
    notice.state = Notice.State.CREATED
    notice.source = source
    notice.save(update_fields=["state", "source", "updated_at"])
    audit.record(actor, AuditEntry.Action.UPDATE, notice, before, _notice_snapshot(notice))
    return created
