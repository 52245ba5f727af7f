"""Workshops with a join code and a question set, and the answers given to them.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "workshop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("anbieter_id", sa.Integer(), nullable=False),
        sa.Column("sozialraum_id", sa.Integer(), nullable=False),
        sa.Column("titel", sa.String(length=120), nullable=False),
        sa.Column("fragen", sa.String(length=40), nullable=False),
        sa.Column("erster_tag", sa.Date(), nullable=False),
        sa.Column("letzter_tag", sa.Date(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("eigene_frage", sa.String(length=200), nullable=True),
        sa.Column("eigene_art", sa.String(length=20), nullable=True),
        sa.Column("geschlossen_am", sa.DateTime(), nullable=True),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["anbieter_id"], ["anbieter.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sozialraum_id"], ["sozialraum.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_index("ix_workshop_anbieter_id", "workshop", ["anbieter_id"])
    op.create_table(
        "workshop_antwort",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("antworten", sa.JSON(), nullable=False),
        sa.Column("eigene_worte", sa.Text(), nullable=False),
        sa.Column("filled_by", sa.String(length=20), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_workshop_antwort_workshop_id", "workshop_antwort", ["workshop_id"])


def downgrade() -> None:
    """Undo this migration."""
    op.drop_index("ix_workshop_antwort_workshop_id", table_name="workshop_antwort")
    op.drop_table("workshop_antwort")
    op.drop_index("ix_workshop_anbieter_id", table_name="workshop")
    op.drop_table("workshop")
