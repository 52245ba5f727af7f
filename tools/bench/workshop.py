"""Part 2: a 60-person workshop burst on PostgreSQL."""

import contextlib
import os
import tempfile
import threading
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from .common import DONE, FLOW, Client, gunicorn, mark, new_instance, pct, walk_flow

WORKSHOP = 60


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


def count_rows(url: URL, table: str) -> int:
    """Rows in one table (a name of ours, never user input)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def burst(port: int, walk=walk_flow) -> tuple[list[float], list[str], int, float]:
    """60 clients released together, each walking a whole flow (`walk(client)` returns its „Weiter“ times);
    „Weiter“ times, errors, done pages, wall time."""
    times: list[float] = []
    errors: list[str] = []
    done = []
    barrier = threading.Barrier(WORKSHOP + 1)

    def person() -> None:
        client = Client(port)
        barrier.wait()
        try:
            times.extend(walk(client))
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
        before = count_rows(url, "wille")
        with gunicorn(env, workers=4) as port:
            times, errors, done, wall = burst(port)
        new_rows = count_rows(url, "wille") - before
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
