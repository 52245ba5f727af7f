"""Part 5: a 60-person workshop answering „Leben, wie ich will!“ at once on PostgreSQL (gunicorn, 4 workers).

The workshop is written straight into a fresh database (open today, a known code); then 60 clients scan the
QR link at a barrier and answer every page up to „Danke!“. Checked: no errors, 60 thank-you pages, 60 rows.
"""
from __future__ import annotations

import re
import tempfile
import time
import urllib.parse
from datetime import date, datetime

from sqlalchemy import MetaData, Table, create_engine, insert, select

from .common import Client, gunicorn, mark, new_instance, pct
from .workshop import WORKSHOP, burst, count_rows, fresh_database, postgres_url

CODE = "482915"
ANSWERS = {"treffen": "gut", "sagen": "ja", "zuhoeren": "etwas", "stadtteil": "ja", "neues": "nein",
           "gut": ["leute"], "schwer": [], "wiederkommen": "ja", "worte": ""}


def open_workshop(url) -> None:
    """An Anbieter and a workshop open today with the known code."""
    engine = create_engine(url)
    meta = MetaData()
    anbieter, workshop, sozialraum = (Table(name, meta, autoload_with=engine)
                                      for name in ("anbieter", "workshop", "sozialraum"))
    with engine.begin() as connection:
        connection.execute(insert(anbieter), {"name": "Bench-Anbieter", "demo": False})
        anbieter_id = connection.execute(select(anbieter.c.id)).scalar_one()
        raum = connection.execute(select(sozialraum.c.id).order_by(sozialraum.c.id)).scalars().first()
        connection.execute(insert(workshop), {
            "anbieter_id": anbieter_id, "sozialraum_id": raum, "titel": "Bench-Treffen", "fragen": "leben-wie-ich-will",
            "erster_tag": date.today(), "letzter_tag": date.today(), "code": CODE, "demo": False,
            "created_at": datetime.now()})
    engine.dispose()


def send(client: Client, path: str, form: dict) -> tuple[float, str]:
    """POST the shown page's form and GET where it leads; milliseconds for both and the new path."""
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.html).group(1)
    start = time.perf_counter()
    status, headers, _ = client.request("POST", path, {**form, "csrf_token": token})
    target = urllib.parse.urlsplit(headers.get("Location", "")).path
    if status not in (302, 303) or not target:
        raise RuntimeError(f"POST {path}: status {status}")
    client.page(target)
    return (time.perf_counter() - start) * 1000, target


def answer(client: Client) -> list[float]:
    """From the QR link to „Danke!“; milliseconds per „Weiter“."""
    status, headers, _ = client.request("GET", f"/treffen/{CODE}")
    path = urllib.parse.urlsplit(headers.get("Location", "")).path
    if status not in (302, 303) or not path.startswith("/treffen/frage/"):
        raise RuntimeError(f"GET /treffen/{CODE}: status {status}")
    client.page(path)
    times = []
    while path != "/treffen/danke":
        key = path.rsplit("/", 1)[-1]
        form = {"antwort": ANSWERS[key]} if path.startswith("/treffen/frage/") else \
            {"antwort": {"wer": "allein", "erlaubnis": "ja"}[key]} if key in ("wer", "erlaubnis") else {}
        took, path = send(client, path, form)
        times.append(took)
        if len(times) > 20:
            raise RuntimeError("no end in sight: more than 20 pages")
    return times


def treffen() -> None:
    """Part 5: the burst on a fresh PostgreSQL database."""
    print(f"\n5. A {WORKSHOP}-person workshop answering „Leben, wie ich will!“ at once on PostgreSQL, gunicorn with"
          " 4 workers")
    server = postgres_url()
    if server is None:
        print("   SKIPPED: no PostgreSQL (see part 2).")
        return
    with fresh_database(server) as url, tempfile.TemporaryDirectory(prefix="mitreden-bench-") as instance:
        env = new_instance(instance, url.render_as_string(hide_password=False))
        open_workshop(url)
        with gunicorn(env, workers=4) as port:
            times, errors, done, wall = burst(port, answer)
        rows = count_rows(url, "workshop_antwort")
    print(f"   {'errors':28} {len(errors):>8}  {mark(not errors)}")
    for message in sorted(set(errors))[:5]:
        print(f"     {errors.count(message)}× {message}")
    print(f"   {'thank-you pages reached':28} {done:>8}  {mark(done == WORKSHOP)}")
    print(f"   {'rows in workshop_antwort':28} {rows:>8}  {mark(rows == WORKSHOP == done)}")
    if len(times) >= 2:
        figures = [("p50", pct(times, 50)), ("p95", pct(times, 95)), ("max", max(times))]
        print(f"   „Weiter“ ({len(times)} of them)        " + "   ".join(f"{n} {v:.0f} ms" for n, v in figures))
    print(f"   {'wall time, all 60 done':28} {wall:>8.1f} s")
