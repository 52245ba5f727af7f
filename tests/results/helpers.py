"""Results tests: workshops, answers and Willen made directly in the database, staff signed in, tables read back."""
from __future__ import annotations

import re
from datetime import date, datetime
from html.parser import HTMLParser

from sqlalchemy import select

from app.core.db import get_db
from app.sozialraum.models import Sozialraum
from app.wille.models import WilleBereich, WilleRecord
from app.workshops.operations import create_workshop, save_answer
from tests.staff.helpers import make_anbieter, make_user, sign_in, totp_now

# Answers for the set „Leben, wie ich will!“; `treffen` is varied by the tests.
ANSWER = {"treffen": "gut", "sagen": "ja", "zuhoeren": "ja", "stadtteil": "etwas", "neues": "nein",
          "gut": ["leute", "essen"], "schwer": ["zu-laut"], "wiederkommen": "ja"}


def sozialraum(app, key: str = "bremen-hemelingen") -> int:
    """The id of a Sozialraum loaded from the content."""
    with app.app_context():
        return get_db().scalar(select(Sozialraum.id).where(Sozialraum.key == key))


def world(app) -> dict:
    """Anbieter A and B with a lead each, a Leistungsträger (second factor) and an Admin; ids and secrets."""
    a, b = make_anbieter(app, "Anbieter Alpha"), make_anbieter(app, "Anbieter Beta")
    make_user(app, "leitung-a", "anbieter_leitung", a)
    make_user(app, "assistenz-a", "assistenz", a)
    make_user(app, "leitung-b", "anbieter_leitung", b)
    return {"A": a, "B": b, "traeger": make_user(app, "traeger", "leistungstraeger", second_factor=True),
            "chef": make_user(app, "chef", "admin", second_factor=True), "hemelingen": sozialraum(app)}


def become(client, world: dict, name: str) -> None:
    """Sign out, then sign in as this account (with its second factor where it has one)."""
    client.post("/staff/abmelden")
    sign_in(client, name)
    if world.get(name):
        client.submit("/staff/zweiter-faktor", {"code": totp_now(world[name])})
    assert client.get("/staff/").status_code == 200, name


def workshop(app, anbieter: int, raum: int, answers: list[dict], *, titel: str = "Leben, wie ich will!",
             fragen: str = "leben-wie-ich-will", tage: tuple[date, date] = (date(2026, 9, 1), date(2026, 9, 2)),
             demo: bool = False, filled_by: str = "allein", words: str = "", **extra) -> int:
    """A workshop with these answers (each saved and counted as one person's), made directly; returns its id."""
    with app.app_context():
        db = get_db()
        found = create_workshop(db, anbieter_id=anbieter, sozialraum_id=raum, titel=titel, fragen=fragen,
                                erster_tag=tage[0], letzter_tag=tage[1], now=datetime(2026, 8, 1), demo=demo, **extra)
        for antworten in answers:
            save_answer(db, found, antworten, words, filled_by)
        db.commit()
        return found.id


def answers(count: int, **changes) -> list[dict]:
    """`count` people giving ANSWER, with `changes` for the first of them: {"treffen": ["nicht-gut"]} and so on."""
    found = [dict(ANSWER) for _ in range(count)]
    for key, values in changes.items():
        for person, value in zip(found, values):
            person[key] = value
    return found


def willen(app, count: int, *, anbieter: int | None = None, raum: int | None = None, month: str = "2026-08",
           areas: tuple[str, ...] = ("wohnen", "arbeit"), jetzt: str = "gut", demo: bool = False,
           use_allowed: bool = True, filled_by: str = "mit-hilfe") -> None:
    """`count` saved Willen, each with these life areas, made directly."""
    with app.app_context():
        db = get_db()
        for _ in range(count):
            record = WilleRecord(created_month=month, filled_by=filled_by, use_allowed=use_allowed, demo=demo,
                                 sozialraum_id=raum, anbieter_id=anbieter)
            for position, area in enumerate(areas):
                record.bereiche.append(WilleBereich(position=position, bereich=area, jetzt=jetzt,
                                                    wuensche=["eigene-wohnung"] if area == "wohnen" else [],
                                                    eigener_wunsch="Geheimer eigener Wunsch", selbst="",
                                                    helfer=["familie"]))
            db.add(record)
        db.commit()


class Tables(HTMLParser):
    """The cells of every <table> of a page and the texts of every chart (the <svg>s of a div.diagramm), in order."""

    def __init__(self) -> None:
        """Nothing read yet."""
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.charts: list[list[str]] = []
        self.where: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        """Open a table, row, cell, chart or chart text."""
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag == "div" and ("class", "diagramm") in attrs:  # a chart: one SVG per line of its table
            self.charts.append([])
        if tag in ("td", "th", "text", "caption", "title"):
            self.where.append(tag)
            self.text = ""

    def handle_endtag(self, tag):
        """Close a cell or chart text and keep it."""
        if self.where and tag == self.where[-1]:
            self.where.pop()
            if tag in ("td", "th") and self.tables and self.tables[-1]:
                self.tables[-1][-1].append(" ".join(self.text.split()))
            elif tag == "text" and self.charts:
                self.charts[-1].append(" ".join(self.text.split()))

    def handle_data(self, data):
        """Collect text."""
        self.text += data


def read(html: str) -> Tables:
    """The tables and charts of a page."""
    found = Tables()
    found.feed(html)
    return found


def small_numbers(html: str) -> list[str]:
    """Every number 1..4 standing alone in a table cell or a chart text."""
    page = read(html)
    texts = [cell for table in page.tables for row in table for cell in row] + [t for c in page.charts for t in c]
    return [text for text in texts if re.search(r"(?<![\d.])[1-4](?![\d.])", text)]
