"""The runs of the mail pipeline and their last rounds, for `claims status` (issue 11).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("worker", sa.String(100), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("rounds", sa.Integer, nullable=False),
        sa.Column("round_started_at", TS, nullable=True),
        sa.Column("round_ended_at", TS, nullable=True),
        sa.Column("round_seen", sa.Integer, nullable=False),
        sa.Column("round_handled", sa.Integer, nullable=False),
        sa.Column("round_failed", sa.Integer, nullable=False),
        sa.Column("round_sent", sa.Integer, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("last_ok_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_index("ix_runs_round_ended_at", "runs", ["round_ended_at"])


def downgrade() -> None:
    op.drop_index("ix_runs_round_ended_at", table_name="runs")
    op.drop_table("runs")
