#!/bin/bash
# Held-out evaluation of the classifier (docs/performance.md, "Held-out evaluation"; issue 13): the fast-mode suite
# (fr.vigie.simulator.fast, the model the rules were tuned on) and the physics suite (fr.vigie.simulator.physics, an
# independent fault model), each replayed through the classifier with the code of `vigie classify`
# (fr.vigie.bench.replay.SuiteReplay), scored (fr.vigie.scoring), and printed side by side with the required column.
# usage: bench/heldout.sh [out-dir=var/heldout]
#   FAST_SEED=42 FAST_COUNT=40 PHYSICS_SEED=5 PHYSICS_COUNT=45 PHYSICS_LENGTH=30m override the suites (seed 5: the held-out suite
#   of the flap hold; seeds 1-4 are development data, docs/performance.md).
# Needs only a JDK 17 and Maven (README set-up); builds what it runs from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-var/heldout}"
mkdir -p "$out"
out="$(realpath "$out")"
log() { echo "[heldout] $(date -u +%H:%M:%S) $*" >&2; }

# One reactor build, so the classpath points at this checkout's modules (not at whatever ~/.m2 holds).
log "building bench and the modules it needs"
mvn -B -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
  -Dmdep.includeScope=runtime >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
cp="$(cat "$out/classpath.txt"):bench/target/classes"
java_run() { java -Xmx1g -cp "$cp" "$@"; }

suite() {   # name, generator main class, arguments...
  local name=$1 main=$2; shift 2
  local dir="$out/$name"
  rm -rf "$dir"; mkdir -p "$dir"
  log "$name: generating"
  java_run "$main" --fleet config/demo.yaml --out "$dir" "$@" >"$dir.generate.log" 2>&1 \
    || { cat "$dir.generate.log"; exit 1; }
  grep -E '(scenarios|mornings) in' "$dir.generate.log" >&2
  log "$name: classifying every trace (vigie classify's code)"
  java_run fr.vigie.bench.replay.SuiteReplay --config config/demo.yaml --suite "$dir" >"$dir.replay.log" 2>&1 \
    || { cat "$dir.replay.log"; exit 1; }
  grep -E 'traces, ' "$dir.replay.log" >&2
}

suite fast fr.vigie.simulator.fast.FastMain --seed "${FAST_SEED:-42}" --count "${FAST_COUNT:-40}" --interval 5s
suite physics fr.vigie.simulator.physics.PhysicsMain --seed "${PHYSICS_SEED:-5}" --count "${PHYSICS_COUNT:-45}" \
  --interval 5s --length "${PHYSICS_LENGTH:-30m}"

log "scoring"
java_run fr.vigie.scoring.CompareMain --suite "fast=$out/fast" --suite "physics=$out/physics" --interval 5s \
  | tee "$out/report.txt"
log "done: suites, logs and report.txt in $out"
