#!/bin/bash
# Subscription endpoint under a flood: wrk POSTs the subscription form (one client, ever-new addresses) at the
# endpoint while a second wrk measures the status page served beside it; then the page alone, for comparison.
# usage: bench/subscriptions-flood.sh [duration=10s] [connections=50]
# Needs: Debian package wrk; builds the benchmarks on first run (bench/classpath.sh). Loopback only; everything
# started here is stopped on exit.
set -euo pipefail
DURATION="${1:-10s}"
CONNECTIONS="${2:-50}"
SITE_PORT=18490
ENDPOINT_PORT=18491
cd "$(dirname "$0")/.."
work="$(mktemp -d /tmp/vigie-flood.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source bench/classpath.sh
cp="$(bench_classpath)"
java -Xmx512m -cp "$cp" fr.vigie.bench.subscriptions.FloodTargets "$SITE_PORT" "$ENDPOINT_PORT" 10 >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 300); do grep -q ready "$work/out" 2>/dev/null && break; sleep 0.2; done
cat >"$work/post.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  local body = "adresse=flood" .. counter .. "%40exemple.test&choix=tout"
  return wrk.format("POST", "/abonnement/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = "http://127.0.0.1:$SITE_PORT"}, body)
end
LUA
echo "== page alone: wrk -t1 -c$CONNECTIONS -d$DURATION http://127.0.0.1:$SITE_PORT/"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$SITE_PORT/" \
  | grep -E 'Requests/sec|Latency  | 99%|Non-2xx|Socket errors'
echo "== flood of the endpoint (POST, ever-new addresses) and, at the same time, the page"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$work/post.lua" "http://127.0.0.1:$ENDPOINT_PORT/abonnement/" \
  >"$work/flood" &
flood=$!
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$SITE_PORT/" \
  | grep -E 'Requests/sec|Latency  | 99%|Non-2xx|Socket errors'
wait "$flood"
echo "-- endpoint under flood:"
grep -E 'Requests/sec|Latency  |requests in|Non-2xx|Socket errors' "$work/flood"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
grep -E 'subscriptions stored' "$work/out" || true
