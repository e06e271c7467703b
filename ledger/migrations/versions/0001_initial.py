"""The ledger's first tables: placements, messages, decisions, ledger entries, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MONEY = sa.Numeric(12, 2)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "placement_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("placement_id", sa.String(40), nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("employee_name", sa.String(200), nullable=False),
        sa.Column("cpr", sa.String(10), nullable=False),
        sa.Column("employer_name", sa.String(200), nullable=False),
        sa.Column("cvr", sa.String(8), nullable=False),
        sa.Column("workplace", sa.String(200), nullable=False),
        sa.Column("contact_emails", sa.Text, nullable=False),
        sa.Column("weekly_hours", sa.Numeric(6, 2), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("praktik_until", sa.Date, nullable=True),
        sa.Column("applied_at", sa.DateTime, nullable=False),
        sa.Column("holiday_scheme", sa.String(20), nullable=False),
        sa.Column("pool_status", sa.String(20), nullable=False),
        sa.Column("imported_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_placement_versions"),
        sa.UniqueConstraint("placement_id", "effective_from", name="uq_placement_versions_key"),
    )
    op.create_index("ix_placement_versions_cpr", "placement_versions", ["cpr"])

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source_key", sa.String(500), nullable=True),
        sa.Column("folder", sa.String(200), nullable=True),
        sa.Column("message_id", sa.String(500), nullable=True),
        sa.Column("in_reply_to", sa.String(500), nullable=True),
        sa.Column("thread_refs", sa.Text, nullable=True),
        sa.Column("sender", sa.String(320), nullable=True),
        sa.Column("header_date", TS, nullable=True),
        sa.Column("date_header", sa.String(200), nullable=True),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("parse", sa.JSON, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
        sa.UniqueConstraint("sha256", name="uq_messages_sha256"),
    )
    op.create_index("ix_messages_source_key", "messages", ["source_key"])
    op.create_index("ix_messages_message_id", "messages", ["message_id"])

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(20), nullable=False),
        sa.Column("ref_year", sa.Integer, nullable=False),
        sa.Column("ref_seq", sa.Integer, nullable=False),
        sa.Column("message_pk", sa.Integer, nullable=True),
        sa.Column("message_id", sa.String(500), nullable=True),
        sa.Column("claim_index", sa.Integer, nullable=False),
        sa.Column("placement_id", sa.String(40), nullable=True),
        sa.Column("workplace", sa.String(200), nullable=True),
        sa.Column("cpr", sa.String(10), nullable=True),
        sa.Column("period_start", sa.Date, nullable=True),
        sa.Column("period_end", sa.Date, nullable=True),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("claimed", MONEY, nullable=True),
        sa.Column("approved", MONEY, nullable=True),
        sa.Column("proposed", MONEY, nullable=True),
        sa.Column("findings", sa.JSON, nullable=False),
        sa.Column("lines", sa.JSON, nullable=False),
        sa.Column("claim", sa.JSON, nullable=True),
        sa.Column("decided_by", sa.String(100), nullable=False),
        sa.Column("reviewers", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("rules_version", sa.String(20), nullable=False),
        sa.Column("supersedes_id", sa.Integer, nullable=True),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.UniqueConstraint("reference", name="uq_decisions_reference"),
        sa.UniqueConstraint("ref_year", "ref_seq", name="uq_decisions_ref_year_seq"),
        sa.ForeignKeyConstraint(["message_pk"], ["messages.id"], name="fk_decisions_message_pk_messages"),
        sa.ForeignKeyConstraint(["supersedes_id"], ["decisions.id"], name="fk_decisions_supersedes_id_decisions"),
    )
    op.create_index("ix_decisions_placement_id", "decisions", ["placement_id"])
    op.create_index("ix_decisions_message_id", "decisions", ["message_id"])
    op.create_index("ix_decisions_supersedes_id", "decisions", ["supersedes_id"])

    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("txn", sa.String(60), nullable=False),
        sa.Column("decision_id", sa.Integer, nullable=False),
        sa.Column("reference", sa.String(20), nullable=False),
        sa.Column("account", sa.String(250), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_entries"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name="fk_ledger_entries_decision_id_decisions"),
    )
    op.create_index("ix_ledger_entries_decision_id", "ledger_entries", ["decision_id"])
    op.create_index("ix_ledger_entries_account", "ledger_entries", ["account"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("decision_id", sa.Integer, nullable=True),
        sa.Column("message_pk", sa.Integer, nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("to_addr", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("message_id", sa.String(500), nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("message_id", name="uq_outbox_message_id"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name="fk_outbox_decision_id_decisions"),
        sa.ForeignKeyConstraint(["message_pk"], ["messages.id"], name="fk_outbox_message_pk_messages"),
    )
    op.create_index("ix_outbox_status", "outbox", ["status"])

    _append_only("decisions")
    _append_only("ledger_entries")


def _append_only(table: str) -> None:
    """Decisions and entries are never changed in place (ARCHITECTURE.md principle 11): the
    database itself refuses UPDATE and DELETE."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("ledger_entries", "decisions"):
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS ledger_append_only()")
    for table in ("outbox", "ledger_entries", "decisions", "messages", "placement_versions"):
        op.drop_table(table)
