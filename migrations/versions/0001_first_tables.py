"""first tables

Revision ID: 0001
Revises: 
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('code_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('code_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_code_attempt_client_hash'), ['client_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_code_attempt_created_at'), ['created_at'], unique=False)

    op.create_table('draft',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('token')
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_updated_at'), ['updated_at'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code_hash')
    )
    op.create_table('sozialraum',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('stadt', sa.String(length=120), nullable=False),
    sa.Column('ortsteile', sa.JSON(), nullable=False),
    sa.Column('aktiv', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('wille',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('created_month', sa.String(length=7), nullable=False),
    sa.Column('filled_by', sa.String(length=20), nullable=False),
    sa.Column('use_allowed', sa.Boolean(), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('sozialraum_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sozialraum_id'], ['sozialraum.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wille', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wille_person_id'), ['person_id'], unique=False)

    op.create_table('wille_bereich',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wille_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('bereich', sa.String(length=40), nullable=False),
    sa.Column('jetzt', sa.String(length=20), nullable=False),
    sa.Column('wuensche', sa.JSON(), nullable=False),
    sa.Column('eigener_wunsch', sa.Text(), nullable=False),
    sa.Column('selbst', sa.Text(), nullable=False),
    sa.Column('helfer', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['wille_id'], ['wille.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('wille_bereich', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wille_bereich_wille_id'), ['wille_id'], unique=False)



def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table('wille_bereich', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wille_bereich_wille_id'))

    op.drop_table('wille_bereich')
    with op.batch_alter_table('wille', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wille_person_id'))

    op.drop_table('wille')
    op.drop_table('sozialraum')
    op.drop_table('person')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_updated_at'))

    op.drop_table('draft')
    with op.batch_alter_table('code_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_code_attempt_created_at'))
        batch_op.drop_index(batch_op.f('ix_code_attempt_client_hash'))

    op.drop_table('code_attempt')
