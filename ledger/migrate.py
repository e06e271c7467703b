"""Schema migrations, run from code (no alembic.ini at runtime): `upgrade(engine)` brings any
database, empty or older, to the newest revision. Every command calls it on first use."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

from ledger.work import Work

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrates the database to `revision` (default: the newest) in one transaction."""
    if revision == "head" and current(engine) == head():
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # several workers start at once: one migrates, the others wait here and then find
            # the schema new (the lock ends with this transaction; ledger/work.py)
            connection.execute(text("SELECT pg_advisory_xact_lock(:k, 0)"), {"k": int(Work.MIGRATION)})
            if revision == "head" and MigrationContext.configure(connection).get_current_revision() == head():
                return
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
