from celery import shared_task

from hoinhap.core import jobs


@shared_task(name="hoinhap.run_job", acks_late=True)
def run_job(job_id: int) -> None:
    jobs.execute(job_id)
