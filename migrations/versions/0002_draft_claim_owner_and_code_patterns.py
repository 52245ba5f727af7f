"""Drafts get a version (only one of two simultaneous requests may save) and an owner (deleting a
person deletes their drafts in every browser); wrong codes are counted per code's words too.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("owner", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_draft_owner"), ["owner"], unique=False)
    with op.batch_alter_table("code_attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pattern_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_code_attempt_pattern_hash"), ["pattern_hash"], unique=False)


def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table("code_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_code_attempt_pattern_hash"))
        batch_op.drop_column("pattern_hash")
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draft_owner"))
        batch_op.drop_column("owner")
        batch_op.drop_column("version")
