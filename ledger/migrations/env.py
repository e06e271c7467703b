"""Alembic environment: run from code only (ledger.migrate), on the connection it passes in."""

from __future__ import annotations

from alembic import context

from ledger.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the project never runs alembic from the command line
    raise RuntimeError("run the migrations through ledger.migrate.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite's ALTER TABLE is limited
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
