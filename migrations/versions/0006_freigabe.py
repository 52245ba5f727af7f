"""Release decisions for own words (the review queue, app/freigabe).

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "freigabe",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_antwort_id", sa.Integer(), nullable=True),
        sa.Column("wille_bereich_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("(workshop_antwort_id IS NULL) <> (wille_bereich_id IS NULL)",
                           name="freigabe_eine_quelle"),
        sa.ForeignKeyConstraint(["workshop_antwort_id"], ["workshop_antwort.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["wille_bereich_id"], ["wille_bereich.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["decided_by"], ["staff_user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workshop_antwort_id"),
        sa.UniqueConstraint("wille_bereich_id"),
    )


def downgrade() -> None:
    """Undo this migration."""
    op.drop_table("freigabe")
