"""Background jobs with progress.

An area registers a handler: ``@handler("kind")`` on ``def run(job, progress) -> str | None``.
``progress(done, total, message=None)`` updates the Job row (committed at once, so the job page
sees it live). A handler does its data writes inside one ``transaction.atomic()`` block, so a
failure leaves nothing half-written; the Job then keeps its error. The optional return value is
a final message. ``start`` creates the Job and queues it on Celery (eager in tests, the filesystem
queue of the embedded worker, or Redis in production) once the surrounding transaction commits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from hoinhap.core.models import Job

log = logging.getLogger(__name__)
HANDLERS: dict[str, Callable] = {}


def handler(kind: str):
    def register(func):
        HANDLERS[kind] = func
        return func

    return register


def start(kind: str, title: str, user, params: dict | None = None, agency=None) -> Job:
    if kind not in HANDLERS:
        raise ValueError(f"Không có loại việc nền '{kind}'.")
    job = Job.objects.create(
        kind=kind,
        title=title,
        created_by=user if getattr(user, "pk", None) else None,
        agency=agency if agency is not None else getattr(user, "agency", None),
        params=params or {},
    )
    from hoinhap.core.tasks import run_job

    transaction.on_commit(lambda: run_job.delay(job.pk))
    return job


def _message(job: Job, text: str) -> None:
    job.messages = [*job.messages, {"at": timezone.now().isoformat(), "text": text}][-200:]


def execute(job_id: int) -> Job:
    """Run one job in this process (the Celery task calls this)."""
    job = Job.objects.get(pk=job_id)
    if job.finished:
        return job  # delivered twice: never run twice
    func = HANDLERS.get(job.kind)
    job.state, job.started_at = Job.State.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])

    def progress(done: int, total: int | None = None, message: str | None = None) -> None:
        job.done = done
        if total is not None:
            job.total = total
        if message:
            _message(job, message)
        job.save(update_fields=["done", "total", "messages"])

    try:
        if func is None:
            raise LookupError(f"Không có loại việc nền '{job.kind}'.")
        final = func(job, progress)
    except Exception as exc:  # the job keeps the error; the handler's transaction rolled back
        log.exception("job %s failed", job.pk)
        job.refresh_from_db(fields=["done", "total", "messages"])
        job.state = Job.State.FAILED
        job.error = str(exc) or exc.__class__.__name__
        _message(job, f"Thất bại: {job.error}")
    else:
        job.state = Job.State.DONE
        if job.total and job.done < job.total:
            job.done = job.total
        if final:
            _message(job, str(final))
    job.finished_at = timezone.now()
    job.save()
    return job
