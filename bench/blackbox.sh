#!/bin/bash
# Vigie's prober against Prometheus' blackbox_exporter, at the SAME request rate, side by side in one run:
# the same simple HTTP check (GET of a 1 KB page, status 200, a new connection each time) against the same local
# nginx, each checker in a process of its own, CPU (user + system, every thread) read from /proc for each process
# over the same measured window. docs/performance.md, "Probes".
# usage: bench/blackbox.sh [seconds=20] [rates=500,2000]
#   VIGIE_BENCH_JAVA_OPTS: extra JVM options for Vigie's checker (e.g. a JFR recording, or @packaging/jvm.options for
#   the service's own); VIGIE_BENCH_CLASSPATH: put before its classpath (A/B of a build); THREADS=1 also prints
#   Vigie's CPU per thread (JFR misses the event loops' time in native code).
# Installs what it lacks from Debian's packages when run as root (nginx, prometheus-blackbox-exporter); the
# benchmarks are built on first run (bench/classpath.sh). Everything listens on 127.0.0.1; all processes started
# here are stopped on exit.
set -euo pipefail
SECONDS_MEASURED="${1:-20}"
RATES="${2:-500,2000}"
NGINX_PORT=18380
EXPORTER_PORT=19115
cd "$(dirname "$0")/.."

source bench/packages.sh
bench_need_packages nginx prometheus-blackbox-exporter
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d /tmp/vigie-blackbox-bench.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_http() {
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "nothing answering at $1" >&2; return 1
}

mkdir -p "$work/www"
head -c 1024 /dev/zero | tr '\0' 'x' >"$work/www/index.html"
chmod -R a+rX "$work"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
  }
}
NGINX
"$NGINX_BIN" -c "$work/nginx.conf" -p "$work" -g 'daemon off;' 2>"$work/nginx.err" &
pids+=($!)
cat >"$work/blackbox.yml" <<'YAML'
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      valid_status_codes: [200]
YAML
prometheus-blackbox-exporter --config.file="$work/blackbox.yml" --web.listen-address="127.0.0.1:$EXPORTER_PORT" \
  --log.level=warn >"$work/blackbox.log" 2>&1 &
exporter_pid=$!
pids+=("$exporter_pid")
page="http://127.0.0.1:$NGINX_PORT/index.html"
wait_http "$page"
wait_http "http://127.0.0.1:$EXPORTER_PORT/metrics"

source bench/classpath.sh
cp="$(bench_classpath)"
echo "simple HTTP check, same rate for both, side by side; nginx and both checkers share $(nproc) cores"
echo "exporter: $(prometheus-blackbox-exporter --version 2>&1 | head -1)"
IFS=',' read -r -a rates <<<"$RATES"
for rate in "${rates[@]}"; do
  echo "== $rate checks/s each, ${SECONDS_MEASURED} s measured after 20 s of warm-up"
  # shellcheck disable=SC2086  # a list of options
  java ${VIGIE_BENCH_JAVA_OPTS:-} -cp "${VIGIE_BENCH_CLASSPATH:+$VIGIE_BENCH_CLASSPATH:}$cp" fr.vigie.bench.blackbox.VigieAtRate --url "$page" --rate "$rate" \
    --seconds "$SECONDS_MEASURED" ${THREADS:+--threads} >"$work/vigie.out" 2>"$work/vigie.err" &
  vigie=$!
  pids+=("$vigie")
  java -cp "$cp" fr.vigie.bench.blackbox.BlackboxAtRate --url "$page" --rate "$rate" --seconds "$SECONDS_MEASURED" \
    --exporter "http://127.0.0.1:$EXPORTER_PORT" --pid "$exporter_pid" >"$work/blackbox.out" 2>"$work/blackbox.err" &
  driver=$!
  pids+=("$driver")
  wait "$vigie" || { cat "$work/vigie.err" >&2; exit 1; }
  wait "$driver" || { cat "$work/blackbox.err" >&2; exit 1; }
  cat "$work/vigie.out" "$work/blackbox.out"
  awk '/CPU/ { for (i = 1; i <= NF; i++) if ($i == "CPU") c[$1] = $(i + 1) }
       END { if (c["blackbox"] > 0) printf "  Vigie / exporter CPU per check: %.2f\n", c["vigie"] / c["blackbox"] }' \
    "$work/vigie.out" "$work/blackbox.out"
done
