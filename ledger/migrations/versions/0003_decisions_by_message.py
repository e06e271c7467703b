"""An index for the decisions of one message (the run's summary reads them per message).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_decisions_message_pk", "decisions", ["message_pk"])


def downgrade() -> None:
    op.drop_index("ix_decisions_message_pk", table_name="decisions")
