#!/usr/bin/env bash
# The whole test suite. The integration tests start their own servers (Dovecot, aiosmtpd,
# PostgreSQL) on loopback from tests/conftest.py; nothing here needs Docker.
set -euo pipefail
export OMP_THREAD_LIMIT=1
exec .venv/bin/python -m pytest "$@"
