"""The protected Willen tables of an ended quarter, kept when first shown (app/results/models.py).

Revision ID: 0007c
Revises: 0007b
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007c"
down_revision = "0007b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "ergebnisstand",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("anbieter_id", sa.Integer(), nullable=True),
        sa.Column("sozialraum_id", sa.Integer(), nullable=True),
        sa.Column("quartal", sa.String(length=7), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column("tabellen", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("(anbieter_id IS NULL) <> (sozialraum_id IS NULL)", name="ergebnisstand_eine_gruppe"),
        sa.ForeignKeyConstraint(["anbieter_id"], ["anbieter.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sozialraum_id"], ["sozialraum.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("anbieter_id", "quartal", "k"),
        sa.UniqueConstraint("sozialraum_id", "quartal", "k"),
    )


def downgrade() -> None:
    """Undo this migration."""
    op.drop_table("ergebnisstand")
