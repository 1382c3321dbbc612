#!/usr/bin/env bash
# CI: the smoke test against the already built server (npm run build first; this builds
# nothing). Starts dist/apps/api/apps/api/src/main.js on a free port with a fresh embedded
# database (demo data seeded on start), waits for /ready, runs scripts/smoke-test.sh with
# the demo card, stops the server and exits with the smoke test's code.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
entry="$root/dist/apps/api/apps/api/src/main.js"
[ -f "$entry" ] || { echo "ci-smoke: $entry is missing; run npm run build first" >&2; exit 2; }

work=$(mktemp -d)
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
base_url="http://127.0.0.1:$port"
server_pid=""

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# Run from the empty temporary directory so that no developer's .env applies; everything
# the server needs is explicit here.
(
  cd "$work"
  exec env -u DATABASE_URL -u REDIS_URL -u STATEMENT_S3_BUCKET -u STATEMENT_S3_ENDPOINT \
    -u STATEMENT_OUTPUT_DIR -u METRICS_ENABLED -u CORS_ORIGINS \
    NODE_ENV=development HOST=127.0.0.1 PORT="$port" DATA_DIR="$work/data" \
    WEB_DIST_DIR="$root/dist/apps/web" LOG_LEVEL=warn TRUST_PROXY=loopback \
    node "$entry"
) >"$work/server.log" 2>&1 &
server_pid=$!

echo "ci-smoke: server pid $server_pid on $base_url, data in $work/data"
ready=false
for _ in $(seq 1 240); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if curl -fsS --max-time 2 -o /dev/null "$base_url/ready" 2>/dev/null; then ready=true; break; fi
  sleep 0.5
done
if [ "$ready" != true ]; then
  echo "ci-smoke: the server did not become ready; its log:" >&2
  tail -n 50 "$work/server.log" >&2
  exit 1
fi

status=0
SMOKE_CARD=4000000000000010 SMOKE_PIN=1234 bash "$root/scripts/smoke-test.sh" "$base_url" || status=$?
if [ "$status" -ne 0 ]; then
  echo "ci-smoke: server log:" >&2
  tail -n 50 "$work/server.log" >&2
fi
stop_server
echo "ci-smoke: smoke test exited with $status"
exit "$status"
