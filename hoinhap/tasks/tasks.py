"""Celery tasks of the tasks area (found by Celery's autodiscovery: <app>.tasks)."""

from celery import shared_task


@shared_task(name="hoinhap.tasks.remind_daily")
def remind_daily() -> None:
    """Beat entry: queue today's reminder run as a job (visible, with its result, on the jobs page)."""
    from hoinhap.core import jobs

    jobs.start("tasks_remind", "Nhắc việc hằng ngày (đôn đốc)", None, params={})
