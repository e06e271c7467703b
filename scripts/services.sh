#!/bin/bash
# Throwaway loopback servers for a demo or a manual run: Dovecot (IMAP), aiosmtpd (SMTP sink)
# and, where installed, a PostgreSQL 15 cluster. The tests do not need this script: they start
# their own servers (tests/servers/mail.py). Adapted from ../shared/RECIPES.md §1.
#
#   scripts/services.sh up | down | status      (as root; BASE keeps all state, default var/services)
#
# Every server binds 127.0.0.1 only. `down` stops exactly the PIDs `up` recorded.
set -euo pipefail
BASE=${BASE:-$PWD/var/services}
VENV=${VENV:-.venv}
IMAP_PORT=${IMAP_PORT:-14143}; SMTP_PORT=${SMTP_PORT:-8025}; PG_PORT=${PG_PORT:-15432}
IMAP_USER=${IMAP_USER:-jobcenter}; IMAP_PASSWORD=${IMAP_PASSWORD:-secret}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

port_open() { (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
# refuse to start if a port is taken: another instance would answer instead of ours
check_free() { for p in "$@"; do port_open "$p" && { echo "port $p already in use" >&2; exit 1; }; done; return 0; }
wait_port() { for _ in $(seq 1 200); do port_open "$1" && return 0; sleep 0.05; done; echo "port $1 not up" >&2; return 1; }
stop_pid() {
  local f=$1 p; [ -f "$f" ] || return 0; p=$(cat "$f"); kill "$p" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$p" 2>/dev/null || { rm -f "$f"; return 0; }; sleep 0.05; done
  echo "pid $p still alive" >&2; return 1
}
have_pg() { [ -x "$PGBIN/initdb" ] && id postgres >/dev/null 2>&1; }

dovecot_up() {
  command -v dovecot >/dev/null || { echo "dovecot is not installed (make system-deps)" >&2; exit 1; }
  mkdir -p "$BASE"/dovecot/{run,state,mail}
  chmod 755 "$BASE" "$BASE/dovecot"   # the mail processes run as nobody
  cat > "$BASE/dovecot/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $BASE/dovecot/run
state_dir = $BASE/dovecot/state
log_path = $BASE/dovecot/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_fsync = never
mail_location = maildir:$BASE/dovecot/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $BASE/dovecot/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$BASE/dovecot/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
namespace inbox {
  inbox = yes
}
CONF
  echo "$IMAP_USER:{PLAIN}$IMAP_PASSWORD" > "$BASE/dovecot/users"
  chmod 644 "$BASE/dovecot/users"   # the auth process runs as dovecot; a demo password only
  chown nobody:nogroup "$BASE/dovecot/mail"
  (dovecot -c "$BASE/dovecot/dovecot.conf" -F > "$BASE/dovecot/stdout.log" 2>&1 & echo $! > "$BASE/dovecot.pid")
}

smtp_up() {
  mkdir -p "$BASE/smtp"
  ("$VENV/bin/python" -m aiosmtpd -n -u -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$BASE/smtp/maildir" \
      > "$BASE/smtp/aiosmtpd.log" 2>&1 & echo $! > "$BASE/aiosmtpd.pid")
}

pg_up() {
  mkdir -p "$BASE/pg/sock"; chown -R postgres:postgres "$BASE/pg"
  [ -d "$BASE/pg/data" ] || runuser -u postgres -- "$PGBIN/initdb" -D "$BASE/pg/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 > "$BASE/pg/initdb.log"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$BASE/pg/data" -l "$BASE/pg/server.log" -w -t 30 -o \
      "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $BASE/pg/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start > /dev/null
}

up() {
  if have_pg; then check_free "$IMAP_PORT" "$SMTP_PORT" "$PG_PORT"; else check_free "$IMAP_PORT" "$SMTP_PORT"; fi
  mkdir -p "$BASE"
  dovecot_up; smtp_up
  have_pg && pg_up
  wait_port "$IMAP_PORT"; wait_port "$SMTP_PORT"
  for f in dovecot aiosmtpd; do
    kill -0 "$(cat "$BASE/$f.pid")" 2>/dev/null || {
      echo "$f died (port taken?):" >&2; cat "$BASE/dovecot/stdout.log" "$BASE/smtp/aiosmtpd.log" >&2; exit 1; }
  done
  echo "CLAIMS_MAILBOX=imap://$IMAP_USER:***@127.0.0.1:$IMAP_PORT/INBOX   (password in $BASE/dovecot/users)"
  echo "CLAIMS_OUTBOX=smtp://127.0.0.1:$SMTP_PORT   (received mail in $BASE/smtp/maildir)"
  if have_pg; then
    wait_port "$PG_PORT"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='claims'" | grep -q 1 \
        || createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres claims
    echo "CLAIMS_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/claims"
  else
    echo "PostgreSQL not installed: the default SQLite database is used"
  fi
}

down() {
  if [ -f "$BASE/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$BASE/pg/data" -m fast -w stop > /dev/null || true
  fi
  stop_pid "$BASE/aiosmtpd.pid" & stop_pid "$BASE/dovecot.pid" & wait   # Dovecot takes ~2.5 s
  echo down
}

status() {
  for f in dovecot aiosmtpd; do
    if [ -f "$BASE/$f.pid" ] && kill -0 "$(cat "$BASE/$f.pid")" 2>/dev/null; then echo "$f: running (pid $(cat "$BASE/$f.pid"))"
    else echo "$f: stopped"; fi
  done
  [ -f "$BASE/pg/data/postmaster.pid" ] && echo "postgresql: running" || echo "postgresql: stopped"
}

case "${1:-}" in
  up|down|status) "$1" ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
