"""A Wille saved on a tablet in tablet mode records the Anbieter the tablet is bound to (never the staff member).

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    with op.batch_alter_table("wille", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anbieter_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_wille_anbieter_id_anbieter", "anbieter", ["anbieter_id"], ["id"],
                                    ondelete="SET NULL")


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("wille", schema=None) as batch_op:
        batch_op.drop_constraint("fk_wille_anbieter_id_anbieter", type_="foreignkey")
        batch_op.drop_column("anbieter_id")
