"""An index for the decisions of one person (a new claim looks up the person's waiting claims
before it is decided; with many workers and a long ledger, a scan per message would grow with it).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_decisions_cpr", "decisions", ["cpr"])


def downgrade() -> None:
    op.drop_index("ix_decisions_cpr", table_name="decisions")
