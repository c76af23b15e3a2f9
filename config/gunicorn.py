"""gunicorn settings: `gunicorn -c config/gunicorn.py config.wsgi:application`.

Workers default to 2 x CPU cores + 1 (sync workers: each request holds one process, and most
time is spent in Python rendering, not waiting). Every value can be overridden from the
environment so one file serves a laptop, a VM and a container.
"""

import multiprocessing
import os

from config.logging import logging_config

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow a worker past its memory budget.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# Load Django once in the master: workers fork with the code already imported (copy-on-write
# memory, and a worker killed by the kernel is replaced in milliseconds).
preload_app = True
# Only the load balancer may say the original request was HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The app logs each request itself (with its request id and without the client's address).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = logging_config(fmt=os.environ.get("LOG_FORMAT", "json"))
proc_name = "consult"


def when_ready(server) -> None:
    """Warm translations, templates and URLs in the master before the workers fork."""
    from config.warmup import warm_up

    warm_up()
