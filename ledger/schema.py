"""The ledger's tables (SQLAlchemy Core). The migrations in `ledger/migrations/versions` create
them; a test checks that the migrated database and this metadata agree, on SQLite and PostgreSQL.

Money is `Numeric(12, 2)` and `Decimal` in Python, never a float. `decisions` and
`ledger_entries` are append-only: the migration adds triggers that refuse UPDATE and DELETE,
so a review or a correction can only append a decision that supersedes an earlier one.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

MONEY = Numeric(12, 2)
HOURS = Numeric(6, 2)
TIMESTAMP = DateTime(timezone=True)

# One row per row of the placements CSV: a placement's versions (addenda) share `placement_id`.
# `pool_status` is the pool's verdict at the last import (approved | waitlisted); an approved
# row is the grant that later imports keep (claims/pool.py `previously_approved`).
placement_versions = Table(
    "placement_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("placement_id", String(40), nullable=False),
    Column("effective_from", Date, nullable=False),
    Column("employee_name", String(200), nullable=False),
    Column("cpr", String(10), nullable=False),
    Column("employer_name", String(200), nullable=False),
    Column("cvr", String(8), nullable=False),
    Column("workplace", String(200), nullable=False),
    Column("contact_emails", Text, nullable=False),
    Column("weekly_hours", HOURS, nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("praktik_until", Date, nullable=True),
    Column("applied_at", DateTime, nullable=False),
    Column("holiday_scheme", String(20), nullable=False),
    Column("pool_status", String(20), nullable=False),
    Column("imported_at", TIMESTAMP, nullable=False),
    Column("updated_at", TIMESTAMP, nullable=False),
    UniqueConstraint("placement_id", "effective_from", name="uq_placement_versions_key"),
    Index("ix_placement_versions_cpr", "cpr"),
)

# The processed-message record (paperless-ngx's ProcessedMail is the model): every message
# fetched is kept, raw, before anything else happens to it, so none is ever lost.
messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source_key", String(500), nullable=True),
    Column("folder", String(200), nullable=True),
    Column("message_id", String(500), nullable=True),
    Column("in_reply_to", String(500), nullable=True),
    Column("thread_refs", Text, nullable=True),  # References: Message-IDs, space-separated
    Column("sender", String(320), nullable=True),
    Column("header_date", TIMESTAMP, nullable=True),  # the Date header in UTC, for ordering
    Column("date_header", String(200), nullable=True),  # the Date header as written (its offset kept)
    Column("received_at", TIMESTAMP, nullable=False),
    Column("size", Integer, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("state", String(20), nullable=False),  # received | decided | not_a_claim | failed
    Column("error", Text, nullable=True),
    Column("parse", JSON, nullable=True),  # the parse document (CONTRACT.md), full CPR allowed
    Column("updated_at", TIMESTAMP, nullable=False),
    Index("ix_messages_source_key", "source_key"),
    Index("ix_messages_message_id", "message_id"),
)

# Append-only. `reference` is JLT-YYYY-NNNNNN, sequential per year. `cpr` is kept in full for
# the reviewers; every document built from it masks it (claims.cpr.mask).
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), nullable=False, unique=True),
    Column("ref_year", Integer, nullable=False),
    Column("ref_seq", Integer, nullable=False),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=True),
    Column("message_id", String(500), nullable=True),
    Column("claim_index", Integer, nullable=False),
    Column("placement_id", String(40), nullable=True),
    Column("workplace", String(200), nullable=True),
    Column("cpr", String(10), nullable=True),
    Column("period_start", Date, nullable=True),
    Column("period_end", Date, nullable=True),
    Column("outcome", String(30), nullable=False),
    Column("claimed", MONEY, nullable=True),
    Column("approved", MONEY, nullable=True),
    Column("proposed", MONEY, nullable=True),
    Column("findings", JSON, nullable=False),
    Column("lines", JSON, nullable=False),
    Column("claim", JSON, nullable=True),  # the claim as decided, to complete it from a thread
    Column("decided_by", String(100), nullable=False),
    Column("reviewers", JSON, nullable=False),
    Column("reason", Text, nullable=True),
    Column("rules_version", String(20), nullable=False),
    Column("supersedes_id", Integer, ForeignKey("decisions.id"), nullable=True),
    Column("decided_on", Date, nullable=False),
    Column("created_at", TIMESTAMP, nullable=False),
    UniqueConstraint("ref_year", "ref_seq", name="uq_decisions_ref_year_seq"),
    Index("ix_decisions_placement_id", "placement_id"),
    Index("ix_decisions_message_id", "message_id"),
    Index("ix_decisions_message_pk", "message_pk"),
    Index("ix_decisions_cpr", "cpr"),
    Index("ix_decisions_supersedes_id", "supersedes_id"),
)

# Append-only double entry: the entries of one `txn` sum to zero. Accounts: "pool" (the
# scheme's money), "workplace:<name>" (owed to a workplace), "finance:export" (handed to the
# finance system). Kinds: refund, reversal (a superseded decision's entries undone), export.
ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("txn", String(60), nullable=False),
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=False),
    Column("reference", String(20), nullable=False),
    Column("account", String(250), nullable=False),
    Column("amount", MONEY, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("created_at", TIMESTAMP, nullable=False),
    Index("ix_ledger_entries_decision_id", "decision_id"),
    Index("ix_ledger_entries_account", "account"),
)

# Replies waiting to be sent, stored in the same transaction as their decision. The sender
# changes only `status`, `attempts`, `next_attempt_at`, `last_error` and `sent_at`.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=True),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=True),
    Column("kind", String(20), nullable=False),  # reply | reminder | ...
    Column("to_addr", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("message_id", String(500), nullable=False, unique=True),
    Column("raw", LargeBinary, nullable=False),
    Column("status", String(10), nullable=False),  # pending | sent | failed
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", TIMESTAMP, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("sent_at", TIMESTAMP, nullable=True),
    Column("created_at", TIMESTAMP, nullable=False),
    Index("ix_outbox_status", "status"),
)

APPEND_ONLY = ("decisions", "ledger_entries")

# --- the review page (issue 5; migration 0002) ---------------------------------------------------

# People who use the review page. `password_hash` is an argon2 hash (review/passwords.py);
# the plain password never reaches the database.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),  # reviewer | admin
    Column("password_hash", Text, nullable=False),
    Column("created_at", TIMESTAMP, nullable=False),
)

# A logged-in browser. Only the SHA-256 of the cookie's token is kept, so a copy of the
# database cannot be used to log in; `csrf` is the synchronizer token of the session's forms.
sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", TIMESTAMP, nullable=False),
    Column("expires_at", TIMESTAMP, nullable=False),
    Column("ended_at", TIMESTAMP, nullable=True),
)

# Login attempts, for the rate limit (failures per user name and address in a window).
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("address", String(64), nullable=False),
    Column("ok", Integer, nullable=False),  # 1 or 0 (an Integer: the same on SQLite and PostgreSQL)
    Column("at", TIMESTAMP, nullable=False),
    Index("ix_login_attempts_at", "at"),
)

# Append-only: what reviewers did that is not a decision: a first approval waiting for the
# second reviewer (FOUR_EYES), a revealed CPR number, a filed mail. `data` never holds a CPR.
review_events = Table(
    "review_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(30), nullable=False),
    Column("reference", String(20), nullable=True),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=True),
    Column("user_name", String(100), nullable=False),
    Column("data", JSON, nullable=False),
    Column("created_at", TIMESTAMP, nullable=False),
    Index("ix_review_events_reference", "reference"),
    Index("ix_review_events_message_pk", "message_pk"),
)

APPEND_ONLY_REVIEW = ("review_events",)

# --- health (issue 11; migration 0005) -----------------------------------------------------------

# One row per run of the mail pipeline (`claims run` as a daemon, `run --once`, `batch`), kept up
# to date at the end of each of its rounds, so `claims status` can say when mail was last handled
# and whether that went well. One row per process, not per round: an idle daemon runs a round
# every few seconds. `last_ok_at` is the end of its last round that ran to its end (the mailbox
# was listed, every message taken, the replies tried); `error` the infrastructure error (no CPR)
# that stopped its last round, if it did.
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),  # daemon | once | batch
    Column("worker", String(100), nullable=False),  # host:pid
    Column("started_at", TIMESTAMP, nullable=False),
    Column("rounds", Integer, nullable=False),
    Column("round_started_at", TIMESTAMP, nullable=True),
    Column("round_ended_at", TIMESTAMP, nullable=True),
    Column("round_seen", Integer, nullable=False),
    Column("round_handled", Integer, nullable=False),
    Column("round_failed", Integer, nullable=False),
    Column("round_sent", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("last_ok_at", TIMESTAMP, nullable=True),
    Index("ix_runs_round_ended_at", "round_ended_at"),
)
