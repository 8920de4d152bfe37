#!/bin/bash
# Status-site benchmark: regeneration time for 50 services with 90 days of history, then the home page
# under wrk against Vigie's StatusSiteServer and against nginx serving the same folder, side by side.
# usage: bench/site.sh [duration=10s] [connections=50] [threads=2]
# Needs the Debian packages wrk and nginx (installed when missing, as root); the benchmarks are built on first run
# (bench/classpath.sh)
# Everything listens on 127.0.0.1 only; all processes started here are stopped on exit.
set -euo pipefail
DURATION="${1:-10s}"
CONNECTIONS="${2:-50}"
THREADS="${3:-2}"
VIGIE_PORT=18480
NGINX_PORT=18481
cd "$(dirname "$0")/.."
source bench/packages.sh
bench_need_packages wrk nginx

work="$(mktemp -d /tmp/vigie-site-bench.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT


wait_port() {
  for _ in $(seq 1 900); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listening on port $1" >&2; return 1
}

source bench/classpath.sh
cp="$(bench_classpath)"
echo "== regeneration (50 services, 90 days, FR + EN, feeds, JSON, badges, gzip twins)"
java -Xms256m -Xmx768m -cp "$cp" fr.vigie.bench.site.SiteBench "$work/site" "$VIGIE_PORT" 50 10 \
  >"$work/vigie.out" 2>"$work/vigie.err" &
pids+=($!)
wait_port "$VIGIE_PORT"
grep -v '^serving' "$work/vigie.out"
chmod -R a+rX "$work"

cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/html html; text/css css; application/json json; image/svg+xml svg; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $(realpath "$work/site");
    gzip_static on;
    etag on;
    add_header Cache-Control "public, max-age=30, stale-while-revalidate=60";
  }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_port "$NGINX_PORT"

for target in "vigie:$VIGIE_PORT" "nginx:$NGINX_PORT"; do
  name="${target%%:*}"; port="${target##*:}"
  # Warm-up, then the measured run; both ask for gzip like a browser does.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" >/dev/null
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency http://127.0.0.1:$port/ (gzip)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" \
    | grep -E 'Requests/sec|Transfer/sec|Latency  | 50%| 75%| 90%| 99%|requests in|Non-2xx|Socket errors'
done
