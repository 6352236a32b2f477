"""Legal document review (rà soát VBQPPL): for now, screening a corpus on Celery workers in chunks."""
