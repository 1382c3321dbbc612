#!/usr/bin/env bash
# Smoke test of a running ATM, after a deploy or in CI:
#
#   SMOKE_CARD=<16 digits> SMOKE_PIN=<digits> scripts/smoke-test.sh https://atm.example.com
#
# health -> ready -> sign in -> list accounts -> deposit N cents in cash -> withdraw the same
# N (both with idempotency keys; the withdrawal is then replayed with its key and must move
# no money) -> the balance is back where it was -> sign out -> the token is refused.
# Exits non-zero on the first failure. The card number, the PIN and the token never reach
# the output or any command line (they travel in files under a private temporary directory).
#
# SMOKE_AMOUNT_CENTS (default 2000) must be a multiple of WITHDRAWAL_MULTIPLE_CENTS and at
# most $200, so that no part of the cash deposit is held. Needs curl and node.
set -euo pipefail

base_url=${1:?usage: SMOKE_CARD=... SMOKE_PIN=... $0 BASE_URL}
base_url=${base_url%/}
amount=${SMOKE_AMOUNT_CENTS:-2000}
: "${SMOKE_CARD:?set SMOKE_CARD}"
: "${SMOKE_PIN:?set SMOKE_PIN}"
for tool in curl node; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is required" >&2; exit 2; }
done

umask 077
work=$(mktemp -d)
signed_in=false
cleanup() {
  if [ "$signed_in" = true ]; then
    curl -s -o /dev/null --max-time 10 -X POST -H @"$work/auth" "$base_url/api/v1/auth/logout" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }

# json FILE PATH: prints the value at a dotted path (array indexes allowed); fails if absent.
json() {
  node -e '
    const value = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const found = process.argv[2].split(".").reduce((o, k) => (o == null ? undefined : o[k]), value);
    if (found === undefined || found === null) process.exit(1);
    process.stdout.write(typeof found === "object" ? JSON.stringify(found) : String(found));
  ' "$1" "$2"
}

# call METHOD PATH EXPECTED_STATUS [curl args...]: the body lands in $work/body, the
# response headers in $work/headers. On another status, prints the problem's code only.
call() {
  local method=$1 path=$2 expected=$3 status
  shift 3
  status=$(curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 20 \
    -X "$method" "$@" "$base_url$path") || fail "$method $path: no answer"
  if [ "$status" != "$expected" ]; then
    local code
    code=$(json "$work/body" code 2>/dev/null || echo "-")
    fail "$method $path answered $status (code $code), expected $expected"
  fi
}

run_id="smoke-$(date -u +%Y%m%dT%H%M%S)-$$-$RANDOM"

call GET /health 200
[ "$(json "$work/body" status)" = ok ] || fail "/health status is not ok"
step "health ok"

call GET /ready 200
step "ready ok ($(json "$work/body" checks))"

node -e 'process.stdout.write(JSON.stringify({ cardNumber: process.env.SMOKE_CARD, pin: process.env.SMOKE_PIN }))' \
  > "$work/login.json"
call POST /api/v1/auth/login 200 -H 'Content-Type: application/json' --data-binary @"$work/login.json"
rm -f "$work/login.json"
token=$(json "$work/body" accessToken) || fail "the sign-in answer has no accessToken"
printf 'Authorization: Bearer %s\n' "$token" > "$work/auth"
unset token
signed_in=true
step "signed in"

call GET /api/v1/accounts 200 -H @"$work/auth"
account=$(node -e '
  const { accounts } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const active = accounts.filter((a) => a.status === "ACTIVE");
  const pick = active.find((a) => a.type === "CHECKING") ?? active[0];
  if (!pick) process.exit(1);
  process.stdout.write(`${pick.id} ${pick.balanceCents}`);
' "$work/body") || fail "the smoke customer has no active account"
read -r account_id balance_before <<<"$account"
step "accounts listed"

money_headers=(-H @"$work/auth" -H 'Content-Type: application/json')

call POST "/api/v1/accounts/$account_id/deposits" 201 "${money_headers[@]}" \
  -H "Idempotency-Key: $run_id-deposit" --data-binary "{\"amountCents\":$amount,\"kind\":\"CASH\"}"
step "deposited $amount cents"

withdraw=(POST "/api/v1/accounts/$account_id/withdrawals" 201 "${money_headers[@]}"
  -H "Idempotency-Key: $run_id-withdrawal" --data-binary "{\"amountCents\":$amount}")
call "${withdraw[@]}"
step "withdrew $amount cents"

call "${withdraw[@]}"
grep -qi '^idempotent-replayed: *true' "$work/headers" || fail "a repeated withdrawal was not a replay"
step "repeated withdrawal replayed"

call GET "/api/v1/accounts/$account_id" 200 -H @"$work/auth"
balance_after=$(json "$work/body" account.balanceCents)
[ "$balance_after" = "$balance_before" ] ||
  fail "balance is $balance_after cents after the round trip, was $balance_before"
step "balance unchanged"

call POST /api/v1/auth/logout 204 -H @"$work/auth"
signed_in=false
call GET /api/v1/auth/session 401 -H @"$work/auth"
step "signed out; the token is refused"

step "all checks passed"
