#!/usr/bin/env bash
# Scores a verdict timeline against a simulator ground truth (docs/simulator.md).
# usage: bench/score.sh --truth ground-truth.jsonl --verdicts verdicts.jsonl [--grace 60s] [--flap-window 30s]
# Builds what it needs on first run (bench/classpath.sh); paths are relative to the current folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp="$(bench_classpath)"
exec java -cp "$cp" fr.vigie.bench.scoring.ScoreMain "$@"
