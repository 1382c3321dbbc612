#!/usr/bin/env bash
# Makes sure the test role exists on the local PostgreSQL: a role with a password, so the
# tests (and `npm run bench`) work whether loopback uses trust or scram. Exit 0 when
# PostgreSQL is usable. The role is created only for a URL of the form
# postgres://atm:atm@127.0.0.1|localhost[:port]/..., as the postgres OS user over the
# server's Unix socket (PGHOST names its directory when it is not the default one).
set -uo pipefail
url="${TEST_DATABASE_ADMIN_URL:-postgres://atm:atm@127.0.0.1:5432/postgres}"
command -v psql >/dev/null 2>&1 || exit 1
psql "$url" -tAc 'select 1' >/dev/null 2>&1 && exit 0
# Only the default local role can be created here: any other role is the operator's.
[[ "$url" =~ ^postgres(ql)?://atm:atm@(127\.0\.0\.1|localhost)(:([0-9]+))?/ ]] || exit 1
port="${BASH_REMATCH[4]:-5432}"
[ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 || exit 1
runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atm') THEN CREATE ROLE atm LOGIN CREATEDB PASSWORD 'atm'; ELSE ALTER ROLE atm LOGIN CREATEDB PASSWORD 'atm'; END IF; END \$\$;" >/dev/null 2>&1 || exit 1
psql "$url" -tAc 'select 1' >/dev/null 2>&1
