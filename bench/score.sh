#!/bin/sh
# Scores a verdict timeline against a simulator ground truth (docs/simulator.md, "Scoring").
# usage: bench/score.sh --truth ground-truth.jsonl --verdicts verdicts.jsonl [--trace trace.jsonl] [--grace 60s]
#                       [--flap-window 30s] [--interval 5s] [--from ISO] [--to ISO]
#        bench/score.sh --suite DIR [...]
# Builds the scoring module of this checkout (one reactor build) and runs fr.vigie.scoring.ScoreMain with java -cp
# (no exec-maven-plugin: it is not in a fresh offline repository).
set -e
here="$(pwd)"
ARGS=""
prev=""
for a in "$@"; do
  case "$prev" in
    --truth|--verdicts|--trace|--suite) a="$(cd "$here" && realpath -m "$a")" ;;
  esac
  ARGS="$ARGS $a"
  prev="$a"
done
cd "$(dirname "$0")/.."
cpfile="scoring/target/score-classpath.txt"
mvn -B -q -pl scoring -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$(pwd)/$cpfile" \
  -Dmdep.includeScope=runtime >/dev/null 2>&1 || mvn -B -q -pl scoring -am package -DskipTests
# shellcheck disable=SC2086
exec java -cp "$(cat "$cpfile"):scoring/target/classes" fr.vigie.scoring.ScoreMain $ARGS
