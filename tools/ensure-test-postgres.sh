#!/usr/bin/env bash
# Makes sure the test role exists on the local PostgreSQL: a role with a password, so the
# tests work whether loopback uses trust or scram. Exit 0 when PostgreSQL is usable.
set -uo pipefail
url="${TEST_DATABASE_ADMIN_URL:-postgres://atm:atm@127.0.0.1:5432/postgres}"
command -v psql >/dev/null 2>&1 || exit 1
psql "$url" -tAc 'select 1' >/dev/null 2>&1 && exit 0
# Only the default local role can be created here.
[ -z "${TEST_DATABASE_ADMIN_URL:-}" ] || exit 1
[ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 || exit 1
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atm') THEN CREATE ROLE atm LOGIN CREATEDB PASSWORD 'atm'; ELSE ALTER ROLE atm LOGIN CREATEDB PASSWORD 'atm'; END IF; END \$\$;" >/dev/null 2>&1 || exit 1
psql "$url" -tAc 'select 1' >/dev/null 2>&1
