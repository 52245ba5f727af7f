"""The one-time token of the form that created a workshop, so a double click creates one workshop.

Revision ID: 0007a
Revises: 0006
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007a"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(sa.Column("form_token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_workshop_form_token", ["form_token"])


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_constraint("uq_workshop_form_token", type_="unique")
        batch_op.drop_column("form_token")
