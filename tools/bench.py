"""`make bench`: bytes per page (first visit and later pages, gzip) and server latency under gunicorn.

Prints figures; asserts nothing. Targets (issue 2): first visit ≤ 30 KB gzip, later pages ≤ 10 KB,
p50 latency ≤ 2× a bare Flask route rendering a trivial template, measured in the same run.
"""
from __future__ import annotations

import gzip
import http.cookiejar
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 16
ROUNDS = 5
RUNS = 12
PAGES = [
    "/", "/will/", "/will/bereiche", "/will/wohnen/jetzt", "/will/wohnen/wunsch", "/will/wohnen/selbst",
    "/will/wohnen/hilfe", "/will/wohnort", "/will/wer", "/will/erlaubnis", "/will/code", "/will/pruefen",
]
ANSWERS = [
    ("/will/bereiche", {"bereiche": "wohnen"}), ("/will/wohnen/jetzt", {"jetzt": "gut"}),
    ("/will/wohnen/wunsch", {"wuensche": "ruhe"}), ("/will/wohnen/selbst", {"selbst": "Ich kann fragen."}),
    ("/will/wohnen/hilfe", {"helfer": "familie"}), ("/will/wohnort", {"antwort": "jena-nord"}),
    ("/will/wer", {"antwort": "allein"}), ("/will/erlaubnis", {"antwort": "nein"}), ("/will/code", {"antwort": "nein"}),
]


def gz(data: bytes) -> int:
    """Size after gzip at the level web servers use."""
    return len(gzip.compress(data, compresslevel=6))


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A tiny cookie-keeping client with a CSRF-aware form submit."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> bytes:
        """GET a path and return the body."""
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read()

    def submit(self, path: str, data: dict) -> None:
        """POST a form with the page's CSRF token."""
        token = re.search(rb'name="csrf_token" value="([^"]+)"', self.get(path)).group(1).decode()
        body = urllib.parse.urlencode({**data, "csrf_token": token}).encode()
        with self.opener.open(self.base + path, data=body, timeout=30) as response:
            response.read()

    def fill_flow(self) -> None:
        """Answer every question so each step page can be fetched."""
        for path, data in ANSWERS:
            self.submit(path, data)


def measure_bytes(base: str) -> list[tuple[str, int, int]]:
    """For each page: gzip bytes on a first visit (HTML + every asset) and on a later visit (HTML only)."""
    browser = Browser(base)
    browser.fill_flow()
    rows = []
    for path in PAGES:
        html = browser.get(path)
        assets = set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html))
        asset_bytes = sum(gz(browser.get(a.decode().replace("&amp;", "&"))) for a in assets)
        rows.append((path, gz(html) + asset_bytes, gz(html)))
    return rows


def people(base: str, fill: bool) -> list[Browser]:
    """The 16 clients, each with its own cookies; for the app each has answered every question."""
    browsers = [Browser(base) for _ in range(CLIENTS)]
    if fill:
        for browser in browsers:
            browser.fill_flow()
    return browsers


def run_load(browsers: list[Browser], paths: list[str]) -> list[tuple[str, float]]:
    """The clients at once, each fetching every path ROUNDS times; (path, latency in ms) per request."""
    timings: list[tuple[str, float]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(browsers))

    def client(browser: Browser) -> None:
        barrier.wait()
        for _ in range(ROUNDS):
            for path in paths:
                start = time.perf_counter()
                browser.get(path)
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    timings.append((path, elapsed))

    threads = [threading.Thread(target=client, args=(browser,)) for browser in browsers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return timings


def start_gunicorn(app_spec: str, port: int, env: dict) -> subprocess.Popen:
    """Start gunicorn with 2 workers (one per core) and wait until it answers."""
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", app_spec],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"gunicorn did not start: {app_spec}")


def pct(values: list[float], q: float) -> float:
    """Percentile q (0–100) of values."""
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    """Set up a throwaway instance, start both servers, print the figures."""
    instance = Path(tempfile.mkdtemp(prefix="mitreden-bench-"))
    env = {**os.environ, "MITREDEN_INSTANCE": str(instance), "COOKIE_SECURE": "0"}
    flask = [str(Path(sys.executable).parent / "flask"), "--app", "app"]
    subprocess.run([*flask, "db-upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([*flask, "load-content"], cwd=ROOT, env=env, check=True, capture_output=True)
    app_port, bare_port = free_port(), free_port()
    app_server = start_gunicorn("app:create_app()", app_port, env)
    bare_server = start_gunicorn("tools.bench_bare:app", bare_port, env)
    try:
        base = f"http://127.0.0.1:{app_port}"
        print("Bytes transferred (gzip): first visit = HTML + CSS + JS + pictograms; later = HTML, assets cached")
        print(f"{'page':28} {'first visit':>12} {'later page':>11}")
        for path, first, later in measure_bytes(base):
            flag = "" if first <= 30 * 1024 and later <= 10 * 1024 else "  ← over target"
            print(f"{path:28} {first / 1024:9.1f} KB {later / 1024:8.1f} KB{flag}")
        print(f"\nLatency with {CLIENTS} concurrent clients, gunicorn -w 2; {RUNS} runs, the bare route and the app taking"
              f" turns,\neach run {ROUNDS} rounds of the {len(PAGES)} pages per client (the bare route as often)")
        bare: list[float] = []
        app: list[tuple[str, float]] = []
        bare_people, app_people = people(f"http://127.0.0.1:{bare_port}", fill=False), people(base, fill=True)
        # One unmeasured run each first: both servers are measured warm, as they run in production.
        # Then many short turns, so that this shared machine's slow moments fall on both alike.
        run_load(bare_people, ["/bare"] * len(PAGES))
        run_load(app_people, PAGES)
        for run in range(1, RUNS + 1):
            bare_run = [ms for _path, ms in run_load(bare_people, ["/bare"] * len(PAGES))]
            app_run = run_load(app_people, PAGES)
            bare += bare_run
            app += app_run
            app_p50 = pct([ms for _path, ms in app_run], 50)
            print(f"run {run:2}: bare p50 {pct(bare_run, 50):5.1f} ms, Mitreden p50 {app_p50:5.1f} ms,"
                  f" p50 = {app_p50 / pct(bare_run, 50):.2f}× bare")
        bare_p50 = pct(bare, 50)
        print(f"\nAll runs together\n{'bare Flask route':28} p50 {bare_p50:7.1f} ms  p95 {pct(bare, 95):7.1f} ms")
        for path in PAGES:
            values = [ms for p, ms in app if p == path]
            print(f"{path:28} p50 {pct(values, 50):7.1f} ms  p95 {pct(values, 95):7.1f} ms  "
                  f"p50 = {pct(values, 50) / bare_p50:.2f}× bare")
        everything = [ms for _path, ms in app]
        print(f"{'all Mitreden pages':28} p50 {pct(everything, 50):7.1f} ms  p95 {pct(everything, 95):7.1f} ms  "
              f"p50 = {pct(everything, 50) / bare_p50:.2f}× bare  (target ≤ 2×)")
    finally:
        for server in (app_server, bare_server):
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
