#!/bin/bash
# Probe benchmark (docs/probes.md, "Measured"): journeys/s and CPU per journey against simulated Open ENT NG
# platforms on 127.0.0.1, the TTFB timing error against a server injecting 100 ms, and, when Prometheus'
# blackbox_exporter is installed (Debian package prometheus-blackbox-exporter), the same simple HTTP check
# run by Vigie and by the exporter side by side (CPU per probe, timing error).
# usage: bench/probe.sh [seconds=20] [journeys-in-flight=8] [targets=10]
# Builds what it needs on first run (bench/classpath.sh), online when Maven has not downloaded it yet.
# Everything listens on 127.0.0.1; the exporter started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA=""
BB_PORT=19115
if command -v prometheus-blackbox-exporter >/dev/null; then
  work="$(mktemp -d)"
  cat >"$work/blackbox.yml" <<'YAML'
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
YAML
  prometheus-blackbox-exporter --config.file="$work/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" \
    >"$work/blackbox.log" 2>&1 &
  BB_PID=$!
  trap 'kill $BB_PID 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 50); do
    if curl -fs "http://127.0.0.1:$BB_PORT/metrics" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  EXTRA="http://127.0.0.1:$BB_PORT $BB_PID"
fi
source bench/classpath.sh
cp="$(bench_classpath)"
# shellcheck disable=SC2086
java -cp "$cp" fr.vigie.bench.probe.ProbeBenchmark "${1:-20}" "${2:-8}" "${3:-10}" $EXTRA
