"""`make bench`: what Mitreden costs a person on a weak connection and a workshop of 60 at once.

Prints three tables and asserts nothing; every figure is measured in this run.

1. Slow 3G in headless Chromium (Selenium, CDP network and CPU emulation), the app on SQLite under
   gunicorn with 2 workers: per page the first visit with an empty cache, a later visit with a warm
   cache, and „Weiter“ from the click to the next page's first contentful paint.
2. A 60-person workshop burst on PostgreSQL (gunicorn, 4 workers): 60 clients walk the whole Wille
   flow at once. Needs the PG* variables that `make bench` sets with Debian's `pg_virtualenv`.
3. Bytes per page as the server sends them to a client that accepts "br, gzip".

The app is used only through HTTP and the CLI (`db-upgrade`, `load-content`).
"""
from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import brotli
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KB = 1024
PAGES = [
    "/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/will/", "/will/bereiche", "/will/wohnen/jetzt",
    "/will/wohnen/wunsch", "/will/wohnen/selbst", "/will/wohnen/hilfe", "/will/wohnort", "/will/wer",
    "/will/erlaubnis", "/will/code", "/will/pruefen", "/will/fertig", "/mein-code/",
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
# Slow 3G: 400 ms latency, 400 kbit/s each way; a phone's CPU, four times slower than this machine's.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
CPU_SLOWDOWN = 4
PHONE = (390, 844)
FIRST_KB, FIRST_REQUESTS, LATER_KB, WEITER_S = 20, 5, 3, 1.2
WORKSHOP = 60
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


# --- 1. A person on slow 3G in Chromium -------------------------------------------------------------


@dataclass
class Load:
    """One page load as Chromium saw it on the network."""

    path: str
    bytes: int = 0
    requests: int = 0
    from_cache: int = 0
    load_ms: float = 0.0
    encodings: dict = field(default_factory=dict)  # MIME type → Content-Encoding
    accept_encoding: str = ""


def start_chromium() -> tuple[webdriver.Chrome, str]:
    """Headless Chromium with a fresh profile, throttled to slow 3G and a 4× slower CPU."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="mitreden-bench-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-quic", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_window_size(*PHONE)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_3G)
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return driver, profile


def read_network(driver: webdriver.Chrome, requests: dict) -> None:
    """Add Chromium's CDP Network events since the last read to requests (by request id)."""
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if not method.startswith("Network.") or "requestId" not in params:
            continue
        request = requests.setdefault(params["requestId"], {"url": "", "done": False, "cached": False, "bytes": 0})
        if method == "Network.requestWillBeSent":
            request["url"] = params["request"]["url"]
        elif method == "Network.requestWillBeSentExtraInfo":
            request["accept"] = {k.lower(): v for k, v in params["headers"].items()}.get("accept-encoding")
        elif method == "Network.requestServedFromCache":
            request["cached"] = True
        elif method == "Network.responseReceived":
            headers = {k.lower(): v for k, v in params["response"]["headers"].items()}
            request["encoding"] = (params["response"]["mimeType"], headers.get("content-encoding", "none"))
            request["cached"] |= params["response"].get("fromDiskCache", False)
        elif method in ("Network.loadingFinished", "Network.loadingFailed"):
            request["done"] = True
            request["bytes"] = params.get("encodedDataLength", 0)


def open_page(driver: webdriver.Chrome, base: str, path: str) -> Load:
    """Open a page, wait for its load event and for every request to finish; what went over the network."""
    read_network(driver, {})  # drop the events of earlier pages
    driver.get(base + path)
    WebDriverWait(driver, 120).until(lambda d: d.execute_script(
        "return performance.getEntriesByType('navigation')[0].loadEventEnd > 0"))
    requests: dict = {}
    for _ in range(100):
        read_network(driver, requests)
        if all(r["done"] for r in requests.values() if r["url"].startswith("http")):
            break
        time.sleep(0.1)
    load = Load(urllib.parse.urlsplit(driver.current_url).path)
    load.load_ms = driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventStart")
    for request in (r for r in requests.values() if r["url"].startswith("http")):
        load.from_cache += request["cached"]
        if not request["cached"]:
            load.requests += 1
            load.bytes += request["bytes"]
        if "encoding" in request:
            load.encodings[request["encoding"][0]] = request["encoding"][1]
        load.accept_encoding = request.get("accept") or load.accept_encoding
    return load


def first_and_later(driver: webdriver.Chrome, base: str, path: str) -> tuple[Load, Load]:
    """A first visit with an empty cache; then the same page again after another page, cache warm."""
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    first = open_page(driver, base, path)
    open_page(driver, base, "/hilfe" if path == "/" else "/")
    return first, open_page(driver, base, path)


# The browser's clock at the click goes into sessionStorage, which outlives the page; the old page is marked,
# so only the next page's first contentful paint is taken.
RECORD_CLICK = """
window.benchOldPage = true;
document.addEventListener('click', () => sessionStorage.setItem('bench-click', Date.now()), true);
"""
CLICK_TO_PAINT = """
const click = Number(sessionStorage.getItem('bench-click'));
const paint = performance.getEntriesByName('first-contentful-paint')[0];
if (window.benchOldPage || !click || !paint) return null;
sessionStorage.removeItem('bench-click');
return performance.timeOrigin + paint.startTime - click;
"""


def answer(driver: webdriver.Chrome, name: str | None, value: str | None) -> None:
    """Tick the answer (click its label) or type it, as a person would."""
    if name is None:
        return
    element = driver.find_element(By.CSS_SELECTOR, f'main [name="{name}"]')
    if element.tag_name == "textarea":
        element.clear()
        element.send_keys(value)
        return
    choice = driver.find_element(By.CSS_SELECTOR, f'main [name="{name}"][value="{value}"]')
    driver.find_element(By.CSS_SELECTOR, f'label[for="{choice.get_attribute("id")}"]').click()


def weiter_in_browser(driver: webdriver.Chrome, base: str) -> list[tuple[str, str, float]]:
    """Walk the flow in Chromium; per page the next page and ms from the click to its first contentful paint."""
    driver.get(base + FLOW[0][0])
    rows = []
    for page, name, value in FLOW:
        answer(driver, name, value)
        driver.execute_script(RECORD_CLICK)
        button = driver.find_element(By.CSS_SELECTOR, "main button[type=submit]")
        button.click()
        WebDriverWait(driver, 120).until(expected_conditions.staleness_of(button))
        ms = WebDriverWait(driver, 120).until(lambda d: d.execute_script(CLICK_TO_PAINT))
        rows.append((page, urllib.parse.urlsplit(driver.current_url).path, ms))
    return rows


def slow_3g(base: str) -> None:
    """Part 1: measure in Chromium and print the pages, „Weiter“ and the encodings used."""
    driver, profile = start_chromium()
    try:
        weiter = weiter_in_browser(driver, base)  # also the walk that makes every page reachable
        loads = [first_and_later(driver, base, path) for path in PAGES]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    print_pages(loads)
    print_weiter(weiter)
    print_encodings([first for first, _ in loads])


def print_pages(loads: list[tuple[Load, Load]]) -> None:
    """Table 1a/1b: first visit and later page per page, with the targets."""
    print("\n1. A person on slow 3G (400 ms latency, 400 kbit/s down and up, CPU 4× slower), headless Chromium,"
          " phone size;\n   the app on SQLite, gunicorn with 2 workers. Bytes: CDP Network.loadingFinished"
          " encodedDataLength\n   (response headers + body as sent) summed over the requests that went to the network.")
    print(f"\n   {'':22} {'first visit, empty cache':^34}   {'later page, warm cache':^21}")
    print(f"   {'page':22} {'bytes':>11} {'requests':>10} {'load event':>11}   {'bytes':>11} {'requests':>9}")
    for path, (first, later) in zip(PAGES, loads):
        path += " (!)" if path != first.path or path != later.path else ""
        print(f"   {path:22} {kb(first.bytes):>9} {mark(first.bytes <= FIRST_KB * KB)} "
              f"{first.requests:>8} {mark(first.requests <= FIRST_REQUESTS)} {first.load_ms / 1000:>9.1f} s   "
              f"{kb(later.bytes):>9} {mark(later.bytes <= LATER_KB * KB)} {later.requests:>9}")
    print(f"   Targets: first visit ≤ {FIRST_KB} KB and ≤ {FIRST_REQUESTS} requests; later page ≤ {LATER_KB} KB.")
    redirected = [p for p, (first, later) in zip(PAGES, loads) if p != first.path or p != later.path]
    cached = sum(first.from_cache for first, _ in loads)
    if redirected:
        print(f"   (!) redirected elsewhere, so not measured as asked: {', '.join(redirected)}")
    print(f"   Check: {cached} requests of the first visits were answered from Chromium's cache (should be 0).")


def print_weiter(rows: list[tuple[str, str, float]]) -> None:
    """Table 1c: „Weiter“ per question page, from the click to the next page's first contentful paint."""
    print("\n   „Weiter“ on slow 3G, walking the flow from a cold cache: answer ticked, Date.now() at the click on\n"
          "   `main button[type=submit]`, until the next page's first-contentful-paint (performance.timeOrigin +"
          " paint entry).")
    print(f"   {'question page':22} → {'next page':20} {'click → paint':>14}")
    for page, reached, ms in rows:
        flag = "" if reached == NEXT[page] else f" (!) expected {NEXT[page]}"
        print(f"   {page:22} → {reached:20} {ms / 1000:>11.2f} s {mark(ms <= WEITER_S * 1000)}{flag}")
    times = [ms for _, _, ms in rows]
    print(f"   median {statistics.median(times) / 1000:.2f} s {mark(statistics.median(times) <= WEITER_S * 1000)}, "
          f"max {max(times) / 1000:.2f} s {mark(max(times) <= WEITER_S * 1000)}   (target ≤ {WEITER_S} s)")


def print_encodings(loads: list[Load]) -> None:
    """The Content-Encoding the server chose per type of response, and what Chromium asked for."""
    seen: dict[str, set] = {}
    for load in loads:
        for kind, encoding in load.encodings.items():
            seen.setdefault(kind, set()).add(encoding)
    asked = " | ".join(sorted({load.accept_encoding for load in loads}))
    print(f"\n   Content-Encoding sent to Chromium (it asked with Accept-Encoding: {asked}):")
    for kind, encodings in sorted(seen.items()):
        print(f"   {kind:22} {', '.join(sorted(encodings))}")


# --- 2. A 60-person workshop on PostgreSQL ------------------------------------------------------------


def postgres_url() -> URL | None:
    """The server pg_virtualenv (or the PG* variables) point to; None when there is none."""
    if not all(os.environ.get(k) for k in ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")):
        return None
    host = os.environ["PGHOST"]
    socket_dir = {"host": host} if host.startswith("/") else {}
    return URL.create("postgresql+psycopg", username=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"),
                      host=None if socket_dir else host, port=int(os.environ["PGPORT"]),
                      database=os.environ["PGDATABASE"], query=socket_dir)


@contextlib.contextmanager
def fresh_database(server: URL):
    """A new, empty database on the server for this run, dropped afterwards; yields its URL."""
    name = f"mitreden_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def count_wille(url: URL) -> int:
    """Rows in the wille table."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM wille")).scalar_one()
    finally:
        engine.dispose()


def burst(port: int) -> tuple[list[float], list[str], int, float]:
    """60 clients released together, each walking the whole flow; „Weiter“ times, errors, done pages, wall time."""
    times: list[float] = []
    errors: list[str] = []
    done = []
    barrier = threading.Barrier(WORKSHOP + 1)

    def person() -> None:
        client = Client(port)
        barrier.wait()
        try:
            times.extend(walk_flow(client))
            done.append(DONE)
        except Exception as error:  # every failure counts; the message says which
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            client.close()

    threads = [threading.Thread(target=person) for _ in range(WORKSHOP)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return times, errors, len(done), time.perf_counter() - start


def workshop() -> None:
    """Part 2: the burst on a fresh PostgreSQL database under gunicorn with 4 workers."""
    print(f"\n2. A {WORKSHOP}-person workshop at once on PostgreSQL, gunicorn with 4 workers (gthread, see"
          " gunicorn.conf.py)")
    server = postgres_url()
    if server is None:
        print("   SKIPPED: no PostgreSQL (PGHOST, PGPORT, PGUSER, PGDATABASE unset). `make bench` runs the benchmark"
              "\n   inside `pg_virtualenv` when Debian's postgresql-common and postgresql are installed.")
        return
    with fresh_database(server) as url, tempfile.TemporaryDirectory(prefix="mitreden-bench-") as instance:
        env = new_instance(instance, url.render_as_string(hide_password=False))
        before = count_wille(url)
        with gunicorn(env, workers=4) as port:
            times, errors, done, wall = burst(port)
        new_rows = count_wille(url) - before
    print_workshop(times, errors, done, new_rows, wall)


def print_workshop(times: list[float], errors: list[str], done: int, new_rows: int, wall: float) -> None:
    """Table 2: errors, saved rows and „Weiter“ latency during the burst."""
    print(f"   {WORKSHOP} clients (threads on this machine, each with its own cookies and one keep-alive connection)"
          f"\n   start at a barrier; each walks /will/ → {FLOW[0][0]} → … → {DONE}, consent yes, code no."
          "\n   „Weiter“ = the POST plus the GET of its redirect.")
    print(f"   {'errors':28} {len(errors):>8}  {mark(not errors)}")
    for message in sorted(set(errors))[:5]:
        print(f"     {errors.count(message)}× {message}")
    print(f"   {'done pages reached':28} {done:>8}  {mark(done == WORKSHOP)}")
    print(f"   {'new rows in table wille':28} {new_rows:>8}  {mark(new_rows == WORKSHOP == done)}")
    if len(times) >= 2:
        figures = [("p50", pct(times, 50)), ("p95", pct(times, 95)), ("p99", pct(times, 99)), ("max", max(times))]
        print(f"   „Weiter“ ({len(times)} of them)        " + "   ".join(f"{n} {v:.0f} ms" for n, v in figures))
    print(f"   {'wall time, all 60 done':28} {wall:>8.1f} s")


# --- 3. Bytes as the server sends them ------------------------------------------------------------------


def assets(html: str) -> list[str]:
    """The /static/ URLs a page links to (pictograms, CSS, JS), each once, without #fragments."""
    found = re.findall(r'(?:href|src)="(/static/[^"#]+)', html) + re.findall(r'url\((/static/[^)#"\']+)', html)
    return list(dict.fromkeys(url.replace("&amp;", "&") for url in found))


def served(client: Client, path: str) -> tuple[int, str, str]:
    """One GET: body bytes as sent, the body as text (for links) and its Content-Encoding."""
    status, headers, raw = client.request("GET", path)
    if status != 200:
        raise RuntimeError(f"GET {path}: status {status}")
    kind = headers.get_content_type()
    body = decode(raw, headers) if kind.startswith("text/") else ""
    return len(raw), body, f"{kind.split('/')[-1]} {headers.get('Content-Encoding', 'none')}"


def page_sizes(port: int) -> list[tuple[str, int, int, int, set]]:
    """Per page: bytes of the HTML, of the HTML and every asset (CSS url() included), requests, encodings."""
    client = Client(port)
    walk_flow(client)  # a saved Wille, so every page opens
    rows = []
    for path in PAGES:
        html_bytes, html, encoding = served(client, path)
        total, encodings, todo, seen = html_bytes, {encoding}, assets(html), set()
        while todo:
            url = todo.pop()
            seen.add(url)
            size, body, encoding = served(client, url)
            total += size
            encodings.add(encoding)
            todo += [u for u in assets(body) if u not in seen and u not in todo]
        rows.append((path, html_bytes, total, 1 + len(seen), encodings))
    client.close()
    return rows


def print_sizes(rows: list[tuple[str, int, int, int, set]]) -> None:
    """Table 3: bytes per page as served."""
    print(f"\n3. Bytes per page as the server sends them (response bodies, Accept-Encoding: {ACCEPT_ENCODING};"
          " headers not counted)")
    print(f"   {'':22} {'first visit: HTML + assets':>26}   {'later: HTML only':>16}")
    print(f"   {'page':22} {'bytes':>12} {'requests':>13}   {'bytes':>16}")
    for path, html_bytes, total, requests, _ in rows:
        print(f"   {path:22} {kb(total):>12} {requests:>13}   {kb(html_bytes):>16}")
    encodings = sorted(set().union(*(e for *_, e in rows)))
    print(f"   Content-Encoding: {', '.join(encodings)}")


def main() -> None:
    """Run the three parts and say how long it took."""
    start = time.perf_counter()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    print(f"Mitreden benchmark, commit {commit.stdout.strip() or '?'}, {time.strftime('%Y-%m-%d %H:%M')},"
          f" {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="mitreden-bench-") as instance:
        env = new_instance(instance)
        with gunicorn(env, workers=2) as port:
            slow_3g(f"http://127.0.0.1:{port}")
        workshop()
        with gunicorn(env, workers=2) as port:
            print_sizes(page_sizes(port))
    print(f"\nTook {time.perf_counter() - start:.0f} s.")


if __name__ == "__main__":
    main()
