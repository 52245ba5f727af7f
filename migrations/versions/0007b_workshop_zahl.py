"""Counts of workshop answers kept at save time (app/workshops/zahlen.py), filled from the answers stored so far.

Revision ID: 0007b
Revises: 0007a
"""
from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0007b"
down_revision = "0007a"
branch_labels = None
depends_on = None

# As in app/workshops/zahlen.py when this migration was written (migrations never import the app).
PEOPLE, WHO, CHOSEN, LONGEST = "#personen", "#wer", "[]", 40


def values(answers: dict, filled_by: str) -> list[tuple[str, str]]:
    """The (frage, wert) rows one answer adds 1 to, each once (zahlen.values)."""
    found = [(PEOPLE, ""), (WHO, filled_by)]
    for key, value in (answers or {}).items():
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, list):
            found += [(key + CHOSEN, v) for v in dict.fromkeys(v for v in value if isinstance(v, str))]
    return [(frage, wert) for frage, wert in found if len(frage) <= LONGEST and len(wert) <= LONGEST]


def upgrade() -> None:
    """Make the table, then count every stored answer in its workshop (in Python: the answers are JSON)."""
    zahl = op.create_table(
        "workshop_zahl",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("frage", sa.String(length=40), nullable=False),
        sa.Column("wert", sa.String(length=40), nullable=False),
        sa.Column("anzahl", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workshop_id", "frage", "wert"),
    )
    workshop = sa.table("workshop", sa.column("id", sa.Integer()), sa.column("demo", sa.Boolean()))
    antwort = sa.table("workshop_antwort", sa.column("workshop_id", sa.Integer()), sa.column("antworten", sa.JSON()),
                       sa.column("filled_by", sa.String()), sa.column("demo", sa.Boolean()))
    # Only answers marked like their workshop counted before: a real workshop its real answers, a demo one its
    # demo ones.
    query = (sa.select(antwort.c.workshop_id, antwort.c.antworten, antwort.c.filled_by)
             .join(workshop, workshop.c.id == antwort.c.workshop_id).where(antwort.c.demo == workshop.c.demo))
    counted: Counter = Counter()
    for workshop_id, answers, filled_by in op.get_bind().execute(query):
        counted.update((workshop_id, frage, wert) for frage, wert in values(answers, filled_by))
    if counted:
        op.bulk_insert(zahl, [{"workshop_id": w, "frage": f, "wert": v, "anzahl": n}
                              for (w, f, v), n in counted.items()])


def downgrade() -> None:
    """Undo this migration (the counts can be made again from the answers)."""
    op.drop_table("workshop_zahl")
