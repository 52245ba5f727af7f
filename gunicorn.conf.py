"""Gunicorn settings for `make run` and deployments: `gunicorn -c gunicorn.conf.py 'app:create_app()'`.

Threaded workers keep a browser's connection open between pages, so on a slow mobile connection
„Weiter“ costs two round trips (the form, then the next page), not four with new connections.
"""
import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '5000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2)))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
# Seconds an idle connection stays open: longer than a person needs to read one question.
keepalive = int(os.environ.get("KEEPALIVE", "75"))
# Client addresses behind a reverse proxy come from the app's TRUSTED_PROXIES setting (README „Deployment“).
accesslog = os.environ.get("ACCESS_LOG")  # off by default: no addresses in logs unless asked for
loglevel = os.environ.get("LOG_LEVEL", "warning")
