"""Under gunicorn, as a deployment runs it: a broken request body is the sender's fault, a 400, never a 500."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(instance, database_url):
    """The app under gunicorn with the project's gunicorn.conf.py, on a fresh database."""
    port = free_port()
    env = {**os.environ, "MITREDEN_INSTANCE": str(instance), "DATABASE_URL": database_url, "PORT": str(port),
           "COOKIE_SECURE": "0", "WEB_CONCURRENCY": "1"}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:create_app()"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def status_of(port: int, raw: bytes) -> bytes:
    """Send raw bytes and return the status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        return sock.recv(200).split(b"\r\n")[0]


@pytest.mark.parametrize("body", [b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabcdefgh\r\n0\r\n\r\n"])
def test_malformed_chunked_body_is_a_400(gunicorn, body):
    request = (b"POST /will/bereiche HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n" + body)
    assert status_of(gunicorn, request) == b"HTTP/1.1 400 BAD REQUEST"
