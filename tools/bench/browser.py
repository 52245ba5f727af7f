"""Part 1: a person on slow 3G in headless Chromium (CDP network and CPU emulation)."""

import json
import shutil
import statistics
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from .common import DONE, FIRST_KB, FIRST_REQUESTS, FLOW, KB, LATER_KB, NEXT, PAGES, WEITER_S, kb, mark

# Slow 3G: 400 ms latency, 400 kbit/s each way; a phone's CPU, four times slower than this machine's.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
CPU_SLOWDOWN = 4
PHONE = (390, 844)


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


def weiter_in_browser(driver: webdriver.Chrome, base: str, steps: list) -> list[tuple[str, str, float]]:
    """Walk these steps of the flow in Chromium; per page the next page and ms from the click to its first
    contentful paint."""
    driver.get(base + steps[0][0])
    rows = []
    for page, name, value in steps:
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
        # Every question answered but not saved, so every page opens (saved answers lead to the done page);
        # then the check page is sent, and the done page measured last.
        weiter = weiter_in_browser(driver, base, FLOW[:-1])
        loads = [first_and_later(driver, base, path) for path in PAGES if path != DONE]
        weiter += weiter_in_browser(driver, base, FLOW[-1:])
        loads.append(first_and_later(driver, base, DONE))
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
