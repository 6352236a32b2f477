"""Background work of the tasks area: the daily reminder run (đôn đốc).

Celery beat starts it every morning (CELERY_BEAT_SCHEDULE in settings; the embedded worker runs beat
too) through ``hoinhap.tasks.tasks.remind_daily``; ``hoinhap remind`` runs the same code by hand.
Unlike most handlers, the run commits in two phases on purpose (record, then send each digest once):
see hoinhap/tasks/reminders.py.
"""

from __future__ import annotations

import datetime as dt

from hoinhap.core.jobs import handler
from hoinhap.tasks import reminders


@handler("tasks_remind")
def remind(job, progress) -> str:
    day = dt.date.fromisoformat(job.params["day"]) if job.params.get("day") else None
    progress(0, 2, "Ghi nhận các mục cần nhắc")
    result = reminders.run(day)
    progress(2, 2)
    return reminders.describe(result)
