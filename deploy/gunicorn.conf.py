# gunicorn -c deploy/gunicorn.conf.py hoinhap.config.wsgi
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = 2
timeout = 120
accesslog = "-"
errorlog = "-"
