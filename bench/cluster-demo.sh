#!/bin/bash
# Cluster demo and benchmark (docs/cluster.md, docs/performance.md "Cluster"): three probe nodes (vantages v1-v3)
# and two controllers, five JVMs on this machine, against the 33 simulated services of config/demo.yaml
# (`vigie simulate` in a sixth). Half-way, the leader is killed with -9; the script prints who led, how long the
# takeover took, what the new leader's site and vantage report say, and the result rate the controllers took in.
# usage: bench/cluster-demo.sh [seconds-before-kill=40] [seconds-after=30] [scenario]
#   scenario: one of `vigie simulate`'s (2021-04-06, hosting-outage, ...) for faults to watch; none: a healthy fleet
# Ports (127.0.0.1): Hazelcast 18701-18705, sites 18180/18182, fleet API 18099; admin APIs off.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-40}
after=${2:-30}
scenario=${3:-}
./vigie --version >/dev/null                     # builds app/target/vigie.jar if needed
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m)

export VIGIE_DEMO_USERNAME=cluster.vigie
VIGIE_DEMO_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export VIGIE_DEMO_PASSWORD
cluster='
cluster:
  name: vigie-demo
  members: [127.0.0.1:18701-18705]
  vantages: 3
  quorum: 2
  heartbeat: 1s
  heartbeat-timeout: 4s'
# node file: the demo configuration with its own folder and site port, the admin API off, plus the cluster
node_config() { # name site-port
  sed -e "s#var/demo#$work/$1#g" -e "s#127.0.0.1:8080#127.0.0.1:$2#" -e 's#token: ${VIGIE_DEMO_ADMIN_TOKEN:-}#token: ""#' \
    config/demo.yaml >"$work/$1.yaml"
  echo "$cluster" >>"$work/$1.yaml"
  mkdir -p "$work/$1"
}
node_config controller-a 18180
node_config controller-b 18182
node_config probe 18184

java -jar app/target/vigie.jar simulate --config "$work/probe.yaml" ${scenario:+--scenario "$scenario"} \
  >"$work/simulate.log" 2>&1 &
pids+=($!)
start() { # log-name args...
  local name=$1; shift
  java "${java_opts[@]}" -jar app/target/vigie.jar run "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_${name//-/_}=$!"
}
start controller-a --config "$work/controller-a.yaml" --role controller --cluster-listen 127.0.0.1:18701
start controller-b --config "$work/controller-b.yaml" --role controller --cluster-listen 127.0.0.1:18702
for v in 1 2 3; do
  start "probe-v$v" --config "$work/probe.yaml" --role probe --vantage "v$v" --cluster-listen "127.0.0.1:1870$((v + 2))"
done
t0=$(date +%s%3N)

leader_of() { grep -l 'leader: this controller' "$work"/controller-*.log 2>/dev/null | head -1 | xargs -r basename | sed 's/.log$//'; }
for _ in $(seq 1 600); do [ -n "$(leader_of)" ] && grep -q 'probing .* from vantage' "$work/probe-v3.log" && break; sleep 0.5; done
leader=$(leader_of)
[ -n "$leader" ] || { echo "no leader after 300 s"; tail -20 "$work"/controller-*.log; exit 1; }
echo "$(date +%T)  cluster formed in $(( $(date +%s%3N) - t0 )) ms; leader: $leader"
sleep "$before"

other=$([ "$leader" = controller-a ] && echo controller-b || echo controller-a)
count_results() { # step results a controller's vote received so far (all vantages)
  grep -o '"results" : [0-9]*' "$work/$1/vantages.json" 2>/dev/null | grep -o '[0-9]*$' || echo "?"
}
n1=$(count_results "$other"); s1=$(date +%s%3N)
pid_var="pid_${leader//-/_}"
killed=$(date +%s%3N)
kill -9 "${!pid_var}"
echo "$(date +%T)  kill -9 $leader"
for _ in $(seq 1 600); do grep -q 'leader: this controller' "$work/$other.log" && break; sleep 0.05; done
led=$(grep -o 'leads since [0-9]*' "$work/$other.log" | head -1 | grep -o '[0-9]*$' || true)
[ -n "$led" ] || { echo "no takeover"; tail -20 "$work/$other.log"; exit 1; }
echo "$(date +%T)  $other leads: takeover $((led - killed)) ms after the kill"
sleep "$after"
n2=$(count_results "$other"); s2=$(date +%s%3N)

site=$([ "$other" = controller-a ] && echo 18180 || echo 18182)
echo "--- new leader's site (http://127.0.0.1:$site/api/v2/summary.json), components by status:"
curl -fs "http://127.0.0.1:$site/api/v2/summary.json" | grep -o '"status" *: *"[a-z_]*"' | sort | uniq -c || true
echo "--- its vantage report ($other/vantages.json):"
grep -E '"(healthy|partial_confidence|summary_fr|results|mean_transport_ms|max_transport_ms|decisions|mean_decision_ms|max_decision_ms)"' \
  "$work/$other/vantages.json" || true
echo "--- votes decided without the quorum (dissents) in its log: $(grep -c 'alone (' "$work/$other.log" || true)"
if [ "$n1" != "?" ] && [ "$n2" != "?" ]; then
  echo "--- step results received by $other from the 3 vantages: $(( (n2 - n1) * 1000 / (s2 - s1) )) per second" \
    "over $(( (s2 - s1) / 1000 )) s"
fi
