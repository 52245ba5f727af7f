"""Part 4: the staff result pages with 100,000 workshop answers (and 20,000 Willen), on SQLite and PostgreSQL.

The rows are written straight into the database (reflected tables, one executemany per table; the answers'
counts made with the app's own counting function, as `save_answer` keeps them), dated in the quarter before
this one so every result page shows them; then each result page is fetched as the staff member who may see it,
several times, under gunicorn. Target: at most 300 ms per page.
"""
from __future__ import annotations

import random
import re
import statistics
import subprocess
import time
from collections import Counter
from datetime import date, timedelta

import pyotp
from sqlalchemy import MetaData, Table, create_engine, insert, select

from app.workshops.zahlen import values

from .common import BIN, ROOT, Client, gunicorn, mark

ANSWERS, WILLEN, WORKSHOPS = 100_000, 20_000, 200
TARGET_MS = 300
# The demo accounts of `load-demo-staff` (a bench instance is a demo instance): Leitung Nord sees its own
# results, the Leistungsträger sees Hemelingen across Anbieter.
LEITUNG, LEISTUNGSTRAEGER = "demo-leitung-nord", "demo-leistungstraeger"
LT_SECRET, PASSWORD = "DEMOLEISTUNGSTRAEGERMITREDEN2345", "Demo-Mitreden-2026"
SCALE = ("gut", "geht-so", "nicht-gut")
YES = ("ja", "etwas", "nein")


def previous_quarter_day(today: date) -> date:
    """A day in the middle of the quarter before today's."""
    first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return first - timedelta(days=45)


def fill(env: dict, url: str) -> dict:
    """Demo accounts, then 200 workshops with 100,000 answers and 20,000 Willen (demo = false); returns ids."""
    subprocess.run([BIN / "flask", "--app", "app", "load-demo-staff"], cwd=ROOT, env={**env, "DEMO_ACCOUNTS": "1"},
                   check=True, capture_output=True)
    engine = create_engine(url)
    meta = MetaData()
    tables = {name: Table(name, meta, autoload_with=engine)
              for name in ("anbieter", "sozialraum", "workshop", "workshop_antwort", "workshop_zahl", "wille",
                           "wille_bereich")}
    rng, day = random.Random(9), previous_quarter_day(date.today())
    with engine.begin() as connection:
        anbieter = dict(connection.execute(select(tables["anbieter"].c.name, tables["anbieter"].c.id)).all())
        hemelingen = connection.execute(select(tables["sozialraum"].c.id)
                                        .where(tables["sozialraum"].c.key == "bremen-hemelingen")).scalar_one()
        owners = [anbieter["Beispiel-Anbieter Nord"], anbieter["Beispiel-Anbieter Süd"]]
        workshops = [{"anbieter_id": owners[n % 2], "sozialraum_id": hemelingen, "titel": f"Bench-Workshop {n}",
                      "fragen": "leben-wie-ich-will", "erster_tag": day, "letzter_tag": day,
                      "code": str(200_000 + n), "demo": False, "created_at": day} for n in range(WORKSHOPS)]
        connection.execute(insert(tables["workshop"]), workshops)
        ids = list(connection.execute(select(tables["workshop"].c.id).where(tables["workshop"].c.code >= "200000")
                                      .order_by(tables["workshop"].c.id)).scalars())
        answers = [
            {"workshop_id": ids[n % WORKSHOPS], "demo": False, "filled_by": rng.choice(("allein", "mit-hilfe")),
             "eigene_worte": "", "antworten": {"treffen": rng.choice(SCALE), "sagen": rng.choice(YES),
                                               "zuhoeren": rng.choice(YES), "stadtteil": rng.choice(YES),
                                               "neues": rng.choice(YES), "wiederkommen": rng.choice(YES),
                                               "gut": rng.sample(["leute", "erkunden", "lernen"], k=1),
                                               "schwer": rng.sample(["zu-lang", "zu-laut"], k=rng.randint(0, 1))}}
            for n in range(ANSWERS)]
        connection.execute(insert(tables["workshop_antwort"]), answers)
        # The counts save_answer keeps, made with its own function (results read these, not the answers).
        counted = Counter((a["workshop_id"], *row) for a in answers for row in values(a["antworten"], a["filled_by"]))
        connection.execute(insert(tables["workshop_zahl"]), [
            {"workshop_id": w, "frage": f, "wert": v, "anzahl": n} for (w, f, v), n in counted.items()])
        month = f"{day.year}-{day.month:02d}"
        connection.execute(insert(tables["wille"]), [
            {"created_month": month, "filled_by": "allein", "use_allowed": True, "demo": False,
             "sozialraum_id": hemelingen, "anbieter_id": owners[n % 2]} for n in range(WILLEN)])
        willen = list(connection.execute(select(tables["wille"].c.id)).scalars())
        connection.execute(insert(tables["wille_bereich"]), [
            {"wille_id": wille, "position": 0, "bereich": rng.choice(("wohnen", "arbeit", "freizeit")),
             "jetzt": rng.choice(SCALE), "wuensche": [], "eigener_wunsch": "", "selbst": "",
             "helfer": [rng.choice(("familie", "assistenz"))]} for wille in willen])
    engine.dispose()
    return {"workshop": ids[0], "quarter": f"{day.year}-{(day.month - 1) // 3 + 1}", "hemelingen": hemelingen,
            "nord": owners[0]}


def pages(ids: dict) -> list[tuple[str, str]]:
    """Every result page, with the staff member who may see it."""
    base, quarter, raum = "/staff/ergebnisse", ids["quarter"], ids["hemelingen"]
    return [(LEITUNG, f"{base}/"), (LEITUNG, f"{base}/workshop/{ids['workshop']}"),
            (LEITUNG, f"{base}/anbieter/{ids['nord']}/willen/{quarter}"), (LEISTUNGSTRAEGER, f"{base}/"),
            (LEISTUNGSTRAEGER, f"{base}/sozialraum/{raum}/{quarter}/workshops"),
            (LEISTUNGSTRAEGER, f"{base}/sozialraum/{raum}/{quarter}/willen")]


def signed_in(port: int, login: str, secret: str | None = None) -> Client:
    """A staff member's browser, signed in (with the second factor where the account has one)."""
    client = Client(port)
    client.page("/staff/anmelden")
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.html).group(1)
    client.request("POST", "/staff/anmelden", {"login_name": login, "password": PASSWORD, "csrf_token": token})
    if secret:
        client.page("/staff/zweiter-faktor")
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.html).group(1)
        client.request("POST", "/staff/zweiter-faktor", {"code": pyotp.TOTP(secret).now(), "csrf_token": token})
    return client


def timed(client: Client, path: str, rounds: int = 5) -> list[float]:
    """Milliseconds for each of several GETs of a page (the first one included: nothing is cached)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        status, _, _ = client.request("GET", path)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"GET {path}: status {status}")
    return times


def result_pages(env: dict, url: str, label: str) -> None:
    """Table 4 for one database: fill, then time every result page as the staff member who may see it."""
    started = time.perf_counter()
    ids = fill(env, url)
    print(f"   {label}: {ANSWERS:,} answers in {WORKSHOPS} workshops and {WILLEN:,} Willen written in"
          f" {time.perf_counter() - started:.0f} s")
    with gunicorn(env, workers=2) as port:
        clients = {LEITUNG: signed_in(port, LEITUNG), LEISTUNGSTRAEGER: signed_in(port, LEISTUNGSTRAEGER, LT_SECRET)}
        for who, path in pages(ids):
            times = timed(clients[who], path)
            worst = max(times)
            print(f"   {path:46} {statistics.median(times):>7.0f} ms median {worst:>7.0f} ms max"
                  f"  {mark(worst <= TARGET_MS)}")
        for client in clients.values():
            client.close()
