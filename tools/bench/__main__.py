"""`make bench`: what Mitreden costs a person on a weak connection and a workshop of 60 at once.

Prints five tables and asserts nothing; every figure is measured in this run.

1. Slow 3G in headless Chromium (Selenium, CDP network and CPU emulation), the app on SQLite under
   gunicorn with 2 workers: per page the first visit with an empty cache, a later visit with a warm
   cache, and „Weiter“ from the click to the next page's first contentful paint.
2. A 60-person workshop burst on PostgreSQL (gunicorn, 4 workers): 60 clients walk the whole Wille
   flow at once. Needs the PG* variables that `make bench` sets with Debian's `pg_virtualenv`.
3. Bytes per page as the server sends them to a client that accepts "br, gzip".
4. The staff result pages with 100,000 workshop answers, on SQLite and PostgreSQL (results.py).
5. A 60-person workshop answering at once on PostgreSQL (treffen.py).

The app is used only through HTTP and the CLI (`db-upgrade`, `load-content`); part 4 writes its rows straight
into the database and counts the answers with `app.workshops.zahlen.values`, as saving does.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time

from .browser import slow_3g
from .common import ACCEPT_ENCODING, DONE, FLOW, PAGES, ROOT, Client, decode, gunicorn, kb, new_instance
from .results import result_pages
from .treffen import treffen
from .workshop import fresh_database, postgres_url, workshop


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
    # Every question answered but not saved, so every page opens (once saved, they lead to the done page);
    # the done page is measured last, after saving.
    client.page("/will/")
    client.page(FLOW[0][0])
    for page, name, answer in FLOW[:-1]:
        client.weiter(page, {name: answer})
    rows = []
    for path in PAGES:
        if path == DONE:
            client.page(FLOW[-1][0])
            client.weiter(FLOW[-1][0], {})
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


def results() -> None:
    """Part 4 on SQLite and on PostgreSQL: result pages with 100,000 answers."""
    print("\n4. Result pages with 100,000 workshop answers and 20,000 Willen, gunicorn with 2 workers; each page"
          " fetched 5 times by the staff member who may see it (target ≤ 300 ms)")
    with tempfile.TemporaryDirectory(prefix="mitreden-bench-") as instance:
        env = new_instance(instance)
        result_pages(env, f"sqlite:///{instance}/mitreden.sqlite3", "SQLite")
    server = postgres_url()
    if server is None:
        print("   PostgreSQL SKIPPED (see part 2).")
        return
    with fresh_database(server) as url, tempfile.TemporaryDirectory(prefix="mitreden-bench-") as instance:
        env = new_instance(instance, url.render_as_string(hide_password=False))
        result_pages(env, url.render_as_string(hide_password=False), "PostgreSQL")


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
    results()
    treffen()
    print(f"\nTook {time.perf_counter() - start:.0f} s.")


if __name__ == "__main__":
    main()
