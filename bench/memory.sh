#!/bin/bash
# Memory benchmark (docs/performance.md, "Memory"): the resident size and the live heap of `vigie run` probing
# the 33 simulated services of config/demo.yaml through a scenario, the simulated fleet running apart
# (`vigie simulate`), so that the figures are Vigie's alone.
# usage: bench/memory.sh [seconds=300] [scenario=2021-04-06] [max-heap]
#   `vigie run` gets the JVM options that ./vigie gives it (packaging/jvm.options, MALLOC_ARENA_MAX=2); a max-heap
#   argument, then RUN_JAVA_OPTS, are added after them and win (e.g. RUN_JAVA_OPTS="-XX:+UseG1GC" 256m).
#   NMT=1 also prints where the JVM's memory goes (native memory tracking, which itself costs a few MB).
# Everything listens on 127.0.0.1, on a block of 200 ports that nothing listens on when the script starts (so two runs
# do not collide): with base B, the simulated services on B+101..B+133 (18101..18133 in config/demo.yaml), the
# webhook receiver's address B+98 (nobody listens: deliveries fail and are retried, as with the demo's 18098),
# the fleet admin API on B+99, the status page on B+180, the admin listener's address B+181 (off: no token).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
scenario=${2:-2021-04-06}
heap=${3:-}
./vigie --version >/dev/null                     # builds app/target/vigie.jar if needed
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A free block: no listening TCP socket on B..B+199 (ss), B a multiple of 200 between 20000 and 59800.
listening="$(ss -Htln | awk '{ n = split($4, a, ":"); print a[n] }' | sort -u)"
base=""
for _ in $(seq 1 50); do
  b=$((20000 + 200 * (RANDOM % 200)))
  echo "$listening" | awk -v b="$b" '$1 >= b && $1 < b + 200 { found = 1 } END { exit found }' && { base=$b; break; }
done
[ -n "$base" ] || { echo "memory.sh: no free block of 200 ports found" >&2; exit 1; }
port() { echo $((base + $1)); }
# The demo fleet's configuration, with its files in a scratch folder and every port moved into the block
# (181NN and its URL-encoded form in the CAS service parameters, 18098, 8080, 8081).
sed -e "s#var/demo#$work#g" config/demo.yaml | BASE="$base" perl -pe '
    s/(127\.0\.0\.1(?::|%3A))181(\d\d)\b/$1.($ENV{BASE} + $2)/ge;
    s/127\.0\.0\.1:18098\b/"127.0.0.1:".($ENV{BASE} + 98)/ge;
    s/127\.0\.0\.1:8080\b/"127.0.0.1:".($ENV{BASE} + 180)/ge;
    s/127\.0\.0\.1:8081\b/"127.0.0.1:".($ENV{BASE} + 181)/ge' >"$work/bench.yaml"
export VIGIE_DEMO_USERNAME=bench.vigie
VIGIE_DEMO_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export VIGIE_DEMO_PASSWORD

java -jar app/target/vigie.jar simulate --config "$work/bench.yaml" --scenario "$scenario" --admin-port "$(port 99)" \
  --ground-truth "$work/ground-truth.jsonl" >"$work/simulate.log" 2>&1 &
sim=$!; pids+=("$sim")
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$(port 99)/stats" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$(port 99)/stats" >/dev/null || { cat "$work/simulate.log"; exit 1; }

# shellcheck disable=SC2086
opts=("@packaging/jvm.options")
[ -n "$heap" ] && opts+=("-Xmx$heap")
[ "${NMT:-0}" = 1 ] && opts+=("-XX:NativeMemoryTracking=summary")
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java "${opts[@]}" ${RUN_JAVA_OPTS:-} -jar app/target/vigie.jar run \
  --config "$work/bench.yaml" >"$work/run.log" 2>&1 &
run=$!; pids+=("$run")

kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
samples="$work/rss.txt"
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  kill -0 "$run" 2>/dev/null || { echo "vigie run stopped:"; tail -20 "$work/run.log"; exit 1; }
  kb "$run" VmRSS >>"$samples"
  sleep 1                                         # sampling period of the benchmark, not a synchronisation
done

jcmd "$run" GC.run >/dev/null                     # a full collection: what remains is the live set
# heap used and committed, in KB: G1 prints one line for the whole heap, Serial and Parallel one per generation
heap_kb() {
  jcmd "$run" GC.heap_info | awk -v what="$1" '
    /garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen/ {
      for (i = 1; i <= NF; i++) if ($i == what) { v = $(i + 1); sub(/K,?$/, "", v) }
      if ($0 ~ /garbage-first heap/) { g1 = v } else { sum += v } }
    END { print (g1 != "" ? g1 : sum) }'
}
live_kb=$(heap_kb used)
committed_kb=$(heap_kb total)
# where the resident size goes: the JVM's native memory tracking, committed KB per category, largest first
[ "${NMT:-0}" = 1 ] && jcmd "$run" VM.native_memory summary | awk '/^-/ && /committed=/ {
    name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name)
    c = $0; sub(/.*committed=/, "", c); sub(/KB.*/, "", c); print c, name }' | sort -rn >"$work/nmt.txt"
peak_kb=$(kb "$run" VmHWM)
sim_peak_kb=$(kb "$sim" VmHWM)
median_kb=$(sort -n "$samples" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
# the resident size over the run, one figure per tenth (MB), to see when the peak comes
profile=$(awk '{ a[NR] = $1 } END { for (i = 1; i <= 10; i++) { m = 0; for (j = int((i - 1) * NR / 10) + 1; j <= int(i * NR / 10); j++) if (a[j] > m) m = a[j]; printf "%s%.0f", (i > 1 ? " " : ""), m / 1024 } }' "$samples")
threads=$(ls "/proc/$run/task" | wc -l)

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
services=$(grep -o '[0-9]* services' "$work/simulate.log" | head -1)
echo "vigie run probing $services (config/demo.yaml), scenario $scenario, ${seconds} s, JVM options: ${opts[*]} ${RUN_JAVA_OPTS:-}"
echo "  resident size: median $(mb "$median_kb") MB, peak $(mb "$peak_kb") MB"
echo "  resident size, highest in each tenth of the run: $profile MB; $threads threads at the end"
echo "  heap after a full GC (live set): $(mb "$live_kb") MB of $(mb "$committed_kb") MB committed"
echo "  store: $(du -k "$work"/vigie.db* 2>/dev/null | awk '{ s += $1 } END { printf "%.1f", s / 1024 }') MB"
[ "${NMT:-0}" = 1 ] && echo "  committed by the JVM (native memory tracking), largest first:"
[ -s "$work/nmt.txt" ] && head -8 "$work/nmt.txt" | while read -r c name; do printf "    %-22s %7s MB\n" "$name" "$(mb "$c")"; done
echo "simulated fleet (other process): resident peak $(mb "$sim_peak_kb") MB"
