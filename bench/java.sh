#!/usr/bin/env bash
# Runs a main class of the benchmarks or the simulator with the bench classpath, built on first run
# (bench/classpath.sh; Maven offline when everything is downloaded, online otherwise). JAVA_OPTS adds JVM options.
# usage: bench/java.sh fr.vigie.bench.replay.ReplayBenchmark [args...]
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,4p' "$0" >&2; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp="$(bench_classpath)"
main="$1"
shift
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$cp" "$main" "$@"
