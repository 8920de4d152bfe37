#!/usr/bin/env bash
# A real Keycloak on loopback for the identity-provider tests (app module, package fr.vigie.app.keycloak).
# Sourced by .ci/run: `keycloak_launch DIR` fetches org.keycloak:keycloak-quarkus-dist from Maven Central (kept in
# ~/.m2, unpacked once under ~/.cache/vigie), makes a self-signed certificate for localhost/127.0.0.1, starts
# `kc.sh start-dev --db=dev-mem` on free loopback ports (HTTP and HTTPS) in the background and exports:
#   VIGIE_TEST_KEYCLOAK        http://127.0.0.1:PORT
#   VIGIE_TEST_KEYCLOAK_HTTPS  https://localhost:PORT   (certificate: VIGIE_TEST_KEYCLOAK_CA, a PEM file)
#   VIGIE_TEST_KEYCLOAK_ADMIN  admin user:password of the master realm (random for this run)
#   VIGIE_TEST_KEYCLOAK_HOME / VIGIE_TEST_KEYCLOAK_JAVA  the unpacked distribution and the JDK it runs on,
#                              for tests that start (and stop, or freeze) a Keycloak of their own
#   VIGIE_TEST_KEYCLOAK_LOG / VIGIE_TEST_KEYCLOAK_PID  its log and launcher, for the tests to wait for it (and show
#                              the log if it never answers)
# `keycloak_wait` then waits until it answers (or shows why not); `keycloak_start DIR` does both.
# Keycloak 26 needs Java 21+: the Temurin 25 JDK of this machine kind when present, else JAVA_HOME if it is 21+.
# Run by hand: `bash .ci/keycloak.sh` starts one and prints the export lines (stop it with the printed kill).
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.5.6}

keycloak_java() {
  local j
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
    [ -n "$j" ] && [ -x "$j/bin/java" ] || continue
    local v
    # the JDK's release file names its version without starting a JVM (seconds on a loaded machine)
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$j/release" 2>/dev/null)
    [ -n "$v" ] || v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v:-0}" -ge 21 ] 2>/dev/null && { echo "$j"; return 0; }
  done
  return 1
}

# keycloak_ports_and_password: three distinct free loopback ports (held together while chosen) and a random
# admin password, in one python3 start (each start costs up to a second on a loaded machine)
keycloak_ports_and_password() {
  python3 -c '
import secrets, socket
held = [socket.socket() for _ in range(3)]
for s in held:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in held], secrets.token_urlsafe(18))'
}

# keycloak_launch DIR: starts Keycloak in the background (logs and certificate in DIR), sets keycloak_pid and
# exports the VIGIE_TEST_KEYCLOAK* variables at once, so that .ci/run can go on compiling while it boots (the tests
# wait for it themselves, see KeycloakServer.require). Returns 1 only when it cannot even be launched.
keycloak_launch() {
  local dir=$1 java zip home http https mgmt pass
  java=$(keycloak_java) || { echo "[keycloak] no JDK 21+ found (Keycloak 26 needs one)"; return 1; }
  zip=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [ ! -s "$zip" ]; then
    echo "[keycloak] fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false \
      || { echo "[keycloak] download failed"; return 1; }
  fi
  home=~/.cache/vigie/keycloak-$KEYCLOAK_VERSION
  if [ ! -x "$home/bin/kc.sh" ]; then
    # unpacked beside its final place, then moved: a concurrent run never sees half a distribution
    local tmp
    mkdir -p ~/.cache/vigie && tmp=$(mktemp -d ~/.cache/vigie/unpack.XXXXXX)
    unzip -q "$zip" -d "$tmp" && { mv -T "$tmp/keycloak-$KEYCLOAK_VERSION" "$home" 2>/dev/null || [ -x "$home/bin/kc.sh" ]; } \
      || { rm -rf "$tmp"; echo "[keycloak] could not unpack $zip"; return 1; }
    rm -rf "$tmp"
  fi
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/kc-key.pem" -out "$dir/kc-cert.pem" >/dev/null 2>&1 || { echo "[keycloak] openssl failed"; return 1; }
  # free ports now (never fixed ones: other runs share the machine); Keycloak binds them a moment later
  read -r http https mgmt pass < <(keycloak_ports_and_password)
  keycloak_t0=$(date +%s.%N)
  JAVA_HOME="$java" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$pass" \
    "$home/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$http" \
      --https-port="$https" --https-certificate-file="$dir/kc-cert.pem" --https-certificate-key-file="$dir/kc-key.pem" \
      --http-management-port="$mgmt" </dev/null >"$dir/keycloak.log" 2>&1 &
  keycloak_pid=$!
  export VIGIE_TEST_KEYCLOAK="http://127.0.0.1:$http"
  export VIGIE_TEST_KEYCLOAK_HTTPS="https://localhost:$https"
  export VIGIE_TEST_KEYCLOAK_CA="$dir/kc-cert.pem"
  export VIGIE_TEST_KEYCLOAK_ADMIN="admin:$pass"
  export VIGIE_TEST_KEYCLOAK_HOME="$home"
  export VIGIE_TEST_KEYCLOAK_JAVA="$java"
  export VIGIE_TEST_KEYCLOAK_LOG="$dir/keycloak.log"
  export VIGIE_TEST_KEYCLOAK_PID="$keycloak_pid"
  echo "[keycloak] Keycloak $KEYCLOAK_VERSION launched (pid $keycloak_pid, Java: $java) on $VIGIE_TEST_KEYCLOAK and $VIGIE_TEST_KEYCLOAK_HTTPS"
}

keycloak_answers() {
  [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$VIGIE_TEST_KEYCLOAK/realms/master")" = "200" ]
}

# keycloak_wait [SECONDS=${KEYCLOAK_WAIT_SECONDS:-300}]: after keycloak_launch, waits until Keycloak answers and
# prints how long it took since launch; if it exits or the time runs out, prints the end of its log, returns 1.
# Generous by default: 35-50 s seen on this loaded 2-core machine, 125 s while Maven compiled beside it.
keycloak_wait() {
  local limit=${1:-${KEYCLOAK_WAIT_SECONDS:-300}} deadline
  deadline=$(( $(date +%s) + limit ))
  until keycloak_answers; do
    if ! kill -0 "$keycloak_pid" 2>/dev/null; then
      echo "[keycloak] exited before answering; end of $VIGIE_TEST_KEYCLOAK_LOG:"; tail -40 "$VIGIE_TEST_KEYCLOAK_LOG"
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "[keycloak] not answering after ${limit} s; end of $VIGIE_TEST_KEYCLOAK_LOG:"; tail -40 "$VIGIE_TEST_KEYCLOAK_LOG"
      return 1
    fi
    sleep 0.5
  done
  echo "[keycloak] answering on $VIGIE_TEST_KEYCLOAK after $(python3 -c "import time; print(round(time.time()-$keycloak_t0,1))") s"
}

# keycloak_start DIR: launch and wait (bench/keycloak.sh, by hand).
keycloak_start() {
  keycloak_launch "$1" && keycloak_wait
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  d=$(mktemp -d /tmp/vigie-keycloak.XXXXXX)
  keycloak_start "$d" >&2 || { kill "$keycloak_pid" 2>/dev/null; exit 1; }
  env | grep '^VIGIE_TEST_KEYCLOAK' | sed 's/^/export /'
  echo "# stop: kill $keycloak_pid   (logs: $d/keycloak.log)"
fi
