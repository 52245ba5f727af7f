"""Business rules of „Was ich will“: saving as the person decided, loading for a change, summaries.

Other rooms (Mein Code) read a person's Willen only through the functions here.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core.clock import this_month
from ..mein_code.operations import new_person, owner_key
from ..sozialraum import operations as sozialraum
from . import summary
from .bereiche import bereich
from .flow import store_decision
from .options import choice_options, jetzt_options
from .models import WilleBereich, WilleRecord

# Where the draft keeps a new personal code until „Fertig“: on the server, never in the cookie.
NEW_CODE = "neuer_code"
# In the draft once the person pressed save: True if stored, False after two „Nein“.
SAVED = "gespeichert"
# The owner of a draft whose answers were saved without a code.
ANONYMOUS = "anonym"


@dataclass
class SaveResult:
    """What saving produced: a new personal code to show once, whether anything was stored, and the
    owner the draft now names (so deleting a person also deletes the draft that shows their answers)."""

    code: str | None
    stored: bool
    owner: str = ANONYMOUS


def fill_record(record: WilleRecord, data: dict, db: Session) -> None:
    """Copy the draft's answers into a record, replacing its areas."""
    record.filled_by = data["wer"]
    record.use_allowed = data.get("erlaubnis") == "ja"
    record.sozialraum_id = sozialraum.id_for_key(db, data.get("wohnort"))
    record.bereiche.clear()
    for position, key in enumerate(data["bereiche"]):
        answer = data["antworten"][key]
        record.bereiche.append(WilleBereich(
            position=position, bereich=key, jetzt=answer["jetzt"], wuensche=list(answer.get("wuensche") or []),
            eigener_wunsch=answer.get("eigener_wunsch") or "", selbst=answer.get("selbst") or "",
            helfer=list(answer["helfer"]),
        ))


def save_wille(db: Session, data: dict, code_key: str, anbieter_id: int | None = None) -> SaveResult:
    """Store the answers as the person decided; with two „Nein“, nothing is stored.

    A draft that changes a saved Wille (edit_wille) was made by Mein Code for its signed-in owner.
    `anbieter_id`: the Anbieter a tablet in tablet mode is bound to, recorded on a new Wille.
    """
    use, keep = store_decision(data)
    if data.get("edit_wille"):
        record = db.get(WilleRecord, data["edit_wille"])
        if record is None:
            return SaveResult(code=None, stored=False)
        fill_record(record, data, db)
        return SaveResult(code=None, stored=True, owner=owner_key(record.person_id) if record.person_id else ANONYMOUS)
    if not use and not keep:
        return SaveResult(code=None, stored=False)
    # The month in Berlin, like a quarter's end (app/core/clock.py): a Wille of New Year's night counts in January.
    record = WilleRecord(created_month=this_month(), filled_by="", use_allowed=use,
                         anbieter_id=anbieter_id)
    code, owner = None, ANONYMOUS
    if keep:
        person, code = new_person(db, code_key)
        record.person_id, owner = person.id, owner_key(person.id)
    db.add(record)
    fill_record(record, data, db)
    return SaveResult(code=code, stored=True, owner=owner)


def draft_from_record(record: WilleRecord, sozialraum_key: str | None) -> dict:
    """Turn a saved Wille back into draft data, so the person can change it page by page."""
    return {
        "bereiche": [b.bereich for b in record.bereiche],
        "antworten": {
            b.bereich: {"jetzt": b.jetzt, "wuensche": list(b.wuensche), "eigener_wunsch": b.eigener_wunsch,
                        "selbst": b.selbst, "helfer": list(b.helfer)}
            for b in record.bereiche
        },
        "wohnort": sozialraum_key or "unbekannt",
        "wer": record.filled_by,
        "erlaubnis": "ja" if record.use_allowed else "nein",
        "edit_wille": record.id,
    }


def _records_of(db: Session, person_id: int) -> list[WilleRecord]:
    """The saved Willen of a person, oldest first."""
    return list(db.scalars(select(WilleRecord).where(WilleRecord.person_id == person_id).order_by(WilleRecord.id)))


def summaries_of(db: Session, person_id: int) -> list[tuple[WilleRecord, list[dict]]]:
    """Each saved Wille of a person with the rows that describe it."""
    return [(record, summary.rows(db, _data(db, record))) for record in _records_of(db, person_id)]


def draft_for_change(db: Session, wille_id: int, person_id: int) -> dict | None:
    """Draft data for changing a saved Wille, if it is this person's."""
    # An id beyond the column's range (typed into the URL) is no Wille, not a database error.
    record = db.get(WilleRecord, wille_id) if 0 < wille_id < 2**31 else None
    if record is None or record.person_id != person_id:
        return None
    return _data(db, record)


def _data(db: Session, record: WilleRecord) -> dict:
    """Draft data of a saved Wille."""
    return draft_from_record(record, sozialraum.key_for_id(db, record.sozialraum_id))


def answer_options(question: str) -> list[dict]:
    """Options other rooms offer in the Wille's own words: the 3 faces („jetzt“), who filled in („wer“), consent
    („erlaubnis“); each with value, label and pictogram."""
    return jetzt_options() if question == "jetzt" else choice_options(question)


@dataclass(frozen=True)
class OwnWish:
    """The own wish of one life area of a Wille, for the release queue (app/freigabe reads it only through here)."""

    bereich_id: int
    text: str
    bereich: str
    month: str
    demo: bool

    @property
    def area_name(self) -> str:
        """The life area's name in the current language."""
        found = bereich(self.bereich)
        return found.name if found else self.bereich


def own_words(db: Session, anbieter_id: int, months: tuple[str, ...] | None = None) -> list[OwnWish]:
    """Every non-empty own wish of the Willen saved on this Anbieter's tablets that may be used, newest first.

    `months`: only Willen of these months ("2026-07", …)."""
    query = (select(WilleBereich.id, WilleBereich.eigener_wunsch, WilleBereich.bereich, WilleRecord.created_month,
                    WilleRecord.demo)
             .join(WilleRecord, WilleRecord.id == WilleBereich.wille_id)
             .where(WilleRecord.anbieter_id == anbieter_id, WilleRecord.use_allowed.is_(True),
                    WilleBereich.eigener_wunsch != "")
             .order_by(WilleBereich.id.desc()))
    if months is not None:
        query = query.where(WilleRecord.created_month.in_(months))
    return [OwnWish(*row) for row in db.execute(query) if row[1].strip()]


def willen_count(db: Session, anbieter_id: int, months: tuple[str, ...], demo: bool) -> int:
    """How many Willen that may be used were saved on this Anbieter's tablets in these months."""
    return db.scalar(select(func.count(WilleRecord.id)).where(
        WilleRecord.anbieter_id == anbieter_id, WilleRecord.use_allowed.is_(True),
        WilleRecord.created_month.in_(months), WilleRecord.demo.is_(demo)))
