#!/bin/bash
# Incident-report benchmark: what reports add to a site regeneration (50 services, 29 resolved incidents with a
# 5-step journey every minute around each), first run (PDFs rendered) and following runs (reports kept).
# usage: bench/report.sh [runs=5]. The benchmarks are built on first run (bench/classpath.sh). No network.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
cp="$(bench_classpath)"
java -Xms256m -Xmx768m -cp "$cp" fr.vigie.bench.site.ReportBench "${1:-5}"
