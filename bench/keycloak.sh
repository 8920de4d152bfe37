#!/bin/bash
# Keycloak benchmark (docs/probes.md, "Writing a journey for a new platform"): journeys/s Vigie's prober sustains
# with the shipped oidc journey against a real Keycloak on loopback.
# usage: bench/keycloak.sh [seconds=20] [journeys-in-flight=4]
# Uses the Keycloak of VIGIE_TEST_KEYCLOAK(_ADMIN) if set, else starts one with .ci/keycloak.sh (stopped on exit).
# Build once first: mvn -o -q -pl bench -am install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VIGIE_TEST_KEYCLOAK:-}" ]; then
  work=$(mktemp -d /tmp/vigie-kc-bench.XXXXXX)
  source .ci/keycloak.sh
  keycloak_start "$work"
  trap 'kill $keycloak_pid 2>/dev/null || true; wait $keycloak_pid 2>/dev/null || true; rm -rf "$work"' EXIT
fi
mvn -o -q -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=fr.vigie.bench.keycloak.KeycloakBenchmark -Dexec.args="${1:-20} ${2:-4}"
