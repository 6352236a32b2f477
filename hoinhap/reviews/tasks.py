from celery import shared_task

from hoinhap.engines.screening import screen_chunk


@shared_task(name="hoinhap.screen_chunk", ignore_result=False, acks_late=True)
def screen_chunk_task(provisions: list[dict], basis=None, expired: dict | None = None) -> list[dict]:
    """One chunk of a corpus, screened on whichever worker machine takes it."""
    return screen_chunk(provisions, basis=basis, expired=expired)
