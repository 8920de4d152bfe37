#!/bin/bash
# Status-site benchmark: regeneration time for 50 services with 90 days of history, then the home page
# under wrk against Vigie's StatusSiteServer and against nginx serving the same folder, in alternate rounds.
# usage: bench/site.sh [duration=10s] [connections=50] [threads=2] [rounds=3]
# Vigie serves from a process of its own (SiteServe, not the generator's JVM), started with the service's JVM
# options, packaging/jvm.options, as ./vigie run does; VIGIE_SITE_JAVA_OPTS are added after them (they win; e.g.
# a JFR recording). A/B comparison in the same rounds: VIGIE_B_CLASSPATH (put before the benchmark classpath) and/or
# VIGIE_B_JAVA_OPTS serve a second Vigie, "vigie-b", measured in turn with the two others.
# Each round warms every server up (5 s of the same load), then measures it; the order rotates between rounds.
# Needs the Debian packages wrk and nginx (installed when missing, as root); the benchmarks are built on first run
# (bench/classpath.sh)
# Everything listens on 127.0.0.1 only; all processes started here are stopped on exit.
set -euo pipefail
DURATION="${1:-10s}"
CONNECTIONS="${2:-50}"
THREADS="${3:-2}"
ROUNDS="${4:-3}"
VIGIE_PORT=18480
NGINX_PORT=18481
VIGIE_B_PORT=18482
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
java -Xms256m -Xmx768m -cp "$cp" fr.vigie.bench.site.SiteBench --no-serve "$work/site" "$VIGIE_PORT" 50 10
chmod -R a+rX "$work"

# The service's JVM options and allocator settings, as ./vigie run starts it.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086  # VIGIE_SITE_JAVA_OPTS is a list of options
java @packaging/jvm.options ${VIGIE_SITE_JAVA_OPTS:-} -cp "$cp" fr.vigie.bench.site.SiteServe "$work/site" \
  "$VIGIE_PORT" >"$work/vigie.out" 2>"$work/vigie.err" &
pids+=($!)
servers=("vigie:$VIGIE_PORT:$!")
if [ -n "${VIGIE_B_CLASSPATH:-}${VIGIE_B_JAVA_OPTS:-}" ]; then
  # shellcheck disable=SC2086
  java @packaging/jvm.options ${VIGIE_B_JAVA_OPTS:-} -cp "${VIGIE_B_CLASSPATH:+$VIGIE_B_CLASSPATH:}$cp" \
    fr.vigie.bench.site.SiteServe "$work/site" "$VIGIE_B_PORT" >"$work/vigie-b.out" 2>"$work/vigie-b.err" &
  pids+=($!)
  servers+=("vigie-b:$VIGIE_B_PORT:$!")
  echo "vigie-b: classpath prefix ${VIGIE_B_CLASSPATH:-none}, extra JVM options ${VIGIE_B_JAVA_OPTS:-none}"
fi
echo "vigie: java @packaging/jvm.options ${VIGIE_SITE_JAVA_OPTS:-} (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
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

servers+=("nginx:$NGINX_PORT:${pids[-1]}")
for target in "${servers[@]}"; do port="${target#*:}"; wait_port "${port%%:*}"; done

# CPU time (user + system, clock ticks) of a process and its children (nginx's workers): on a shared machine the
# requests per second mostly measure the other processes, the CPU per request much less so.
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    [ -r "/proc/$pid/stat" ] || continue
    # fields 14 and 15 after the command name, which may hold spaces: cut after the last ')'
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
tick_us=$((1000000 / $(getconf CLK_TCK)))

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for target in "${servers[@]}"; do
    name="${target%%:*}"; rest="${target#*:}"; port="${rest%%:*}"; pid="${rest##*:}"
    # Warm-up, then the measured run; both ask for gzip like a browser does.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" >/dev/null
    printf '%-8s ' "$name"
    before=$(cpu_ticks "$pid")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" \
      >"$work/wrk.out"
    ticks=$(( $(cpu_ticks "$pid") - before ))
    awk -v ticks="$ticks" -v tick_us="$tick_us" '
         /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
         / 50%/ { p50 = $2 } / 90%/ { p90 = $2 } / 99%/ { p99 = $2 } /Non-2xx|Socket errors/ { err = err " " $0 }
         END { printf "%8.0f req/s  p50 %-8s p90 %-8s p99 %-8s CPU %5.1f us/request%s\n", rps, p50, p90, p99,
                      (n > 0 ? ticks * tick_us / n : 0), err }' "$work/wrk.out"
  done
  # The next round starts with another server: neither always runs first after the other's load.
  servers=("${servers[@]:1}" "${servers[0]}")
done
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Accept-Encoding: gzip' http://127.0.0.1:PORT/"
