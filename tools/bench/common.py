"""Shared pieces of the benchmark: the pages, the flow, a keep-alive HTTP client, gunicorn in a throwaway instance."""

import contextlib
import gzip
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
KB = 1024
PAGES = [
    "/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/will/", "/will/bereiche", "/will/wohnen/jetzt",
    "/will/wohnen/wunsch", "/will/wohnen/selbst", "/will/wohnen/hilfe", "/will/wohnort", "/will/wer",
    "/will/erlaubnis", "/will/code", "/will/pruefen", "/mein-code/", "/will/fertig",  # the done page last: see browser.py
]
# The Wille flow with consent and without a code: (page, field, answer); the check page has no field.
FLOW = [
    ("/will/bereiche", "bereiche", "wohnen"), ("/will/wohnen/jetzt", "jetzt", "gut"),
    ("/will/wohnen/wunsch", "wuensche", "ruhe"), ("/will/wohnen/selbst", "selbst", "Ich kann fragen."),
    ("/will/wohnen/hilfe", "helfer", "familie"), ("/will/wohnort", "antwort", "jena-nord"),
    ("/will/wer", "antwort", "allein"), ("/will/erlaubnis", "antwort", "ja"), ("/will/code", "antwort", "nein"),
    ("/will/pruefen", None, None),
]
DONE = "/will/fertig"
STEPS = [page for page, _, _ in FLOW]
NEXT = dict(zip(STEPS, STEPS[1:] + [DONE]))  # where „Weiter“ leads from each page
FIRST_KB, FIRST_REQUESTS, LATER_KB, WEITER_S = 20, 5, 3, 1.2
ACCEPT_ENCODING = "br, gzip"


def mark(ok: bool) -> str:
    """✔ when a target is met, ✘ when not."""
    return "✔" if ok else "✘"


def kb(size: int) -> str:
    """Bytes as KB (1024 bytes) with one decimal."""
    return f"{size / KB:.1f} KB"


def pct(values: list[float], q: int) -> float:
    """Percentile q (1–99) of values."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- The app: a throwaway instance under gunicorn -------------------------------------------------


def new_instance(instance: str, database_url: str | None = None) -> dict:
    """Environment for a fresh instance directory (and database), migrated and with content loaded."""
    env = {**os.environ, "MITREDEN_INSTANCE": instance, "COOKIE_SECURE": "0", "PYTHONPATH": str(ROOT)}
    if database_url:
        env["DATABASE_URL"] = database_url
    for command in ("db-upgrade", "load-content"):
        subprocess.run([BIN / "flask", "--app", "app", command], cwd=ROOT, env=env, check=True, capture_output=True)
    return env


@contextlib.contextmanager
def gunicorn(env: dict, workers: int):
    """The app under gunicorn with the repository's gunicorn.conf.py; yields the port once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [BIN / "gunicorn", "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "app:create_app()"],
        cwd=ROOT, env={**env, "WEB_CONCURRENCY": str(workers)})
    try:
        for _ in range(150):
            with contextlib.suppress(OSError):
                with contextlib.closing(socket.create_connection(("127.0.0.1", port), timeout=1)):
                    break
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not answer within 30 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- An HTTP client that keeps its connection and cookies, like one browser ------------------------


class Client:
    """One person's browser, roughly: a keep-alive connection, own cookies, a CSRF-aware „Weiter“."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}
        self.html = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
        """Send one request; returns status, headers and the body exactly as sent (still compressed)."""
        headers = {"Accept-Encoding": ACCEPT_ENCODING, "Accept-Language": "de-DE,de",
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        raw = response.read()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in cookie.lower():
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return response.status, response.headers, raw

    def page(self, path: str) -> str:
        """GET a page that must answer 200; keeps and returns its HTML."""
        status, headers, raw = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: status {status}")
        self.html = decode(raw, headers)
        return self.html

    def weiter(self, path: str, answer: dict) -> float:
        """POST the shown page's form, follow the redirect to the expected next page; milliseconds for both."""
        token = re.search(r'name="csrf_token" value="([^"]+)"', self.html).group(1)
        start = time.perf_counter()
        status, headers, _ = self.request("POST", path, {**answer, "csrf_token": token})
        target = urllib.parse.urlsplit(headers.get("Location", "")).path
        if status not in (302, 303) or target != NEXT[path]:
            raise RuntimeError(f"POST {path}: status {status}, Location {target or '-'}, expected {NEXT[path]}")
        self.page(target)
        return (time.perf_counter() - start) * 1000

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def decode(raw: bytes, headers: http.client.HTTPMessage) -> str:
    """A body as text, undoing the Content-Encoding the server chose."""
    encoding = headers.get("Content-Encoding", "identity")
    data = {"br": brotli.decompress, "gzip": gzip.decompress, "identity": bytes}[encoding](raw)
    return data.decode("utf-8")


def walk_flow(client: Client) -> list[float]:
    """The whole Wille flow from its start page to the done page; milliseconds per „Weiter“."""
    client.page("/will/")
    client.page(FLOW[0][0])
    return [client.weiter(page, {name: answer} if name else {}) for page, name, answer in FLOW]
