#!/bin/bash
# Keycloak benchmark (docs/probes.md, "Writing a journey for a new platform"): journeys/s Vigie's prober sustains
# with the shipped oidc journey against a real Keycloak on loopback.
# usage: bench/keycloak.sh [seconds=20] [journeys-in-flight=4]
# Uses the Keycloak of VIGIE_TEST_KEYCLOAK(_ADMIN) if set, else starts one with .ci/keycloak.sh (stopped on exit).
# Builds what it needs on first run (bench/classpath.sh), online when Maven has not downloaded it yet.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VIGIE_TEST_KEYCLOAK:-}" ]; then
  work=$(mktemp -d /tmp/vigie-kc-bench.XXXXXX)
  source .ci/keycloak.sh
  keycloak_pid=
  trap '[ -n "$keycloak_pid" ] && { kill "$keycloak_pid" 2>/dev/null; wait "$keycloak_pid" 2>/dev/null; }; rm -rf "$work"' EXIT
  keycloak_start "$work"
fi
# logging: the bench module's own logback.xml (INFO, quiet Netty/Vert.x), as for every benchmark
JAVA_OPTS="${JAVA_OPTS:-}" \
  bench/java.sh fr.vigie.bench.keycloak.KeycloakBenchmark "${1:-20}" "${2:-4}"
