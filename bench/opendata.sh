#!/bin/bash
# Per-step open data benchmark: what donnees/etapes.* costs the aggregator's snapshot over the embedded store
# (first snapshot after a start, catching up with the history, steady state).
# usage: bench/opendata.sh [services=42] [days=30] [runs-per-day=720] [steps=5]. Builds on first run. No network.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
cp="$(bench_classpath)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -Xms256m -Xmx1g -cp "$cp" \
  fr.vigie.bench.site.StepOpenDataBench "$dir" "$@"
