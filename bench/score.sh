#!/bin/sh
# Scores a verdict timeline against a simulator ground truth (docs/simulator.md).
# usage: bench/score.sh --truth ground-truth.jsonl --verdicts verdicts.jsonl [--grace 60s] [--flap-window 30s]
# Build once first: mvn -o -q -pl scoring -am install -DskipTests
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
exec mvn -o -q -pl scoring org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=fr.vigie.scoring.ScoreMain -Dexec.args="$ARGS"
