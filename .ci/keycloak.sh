#!/usr/bin/env bash
# A real Keycloak on loopback for the identity-provider tests (app module, package fr.vigie.app.keycloak).
# Sourced by .ci/run: `keycloak_start DIR` fetches org.keycloak:keycloak-quarkus-dist from Maven Central (kept in
# ~/.m2, unpacked once under ~/.cache/vigie), makes a self-signed certificate for localhost/127.0.0.1, starts
# `kc.sh start-dev --db=dev-mem` on free loopback ports (HTTP and HTTPS), waits until it answers and exports:
#   VIGIE_TEST_KEYCLOAK        http://127.0.0.1:PORT
#   VIGIE_TEST_KEYCLOAK_HTTPS  https://localhost:PORT   (certificate: VIGIE_TEST_KEYCLOAK_CA, a PEM file)
#   VIGIE_TEST_KEYCLOAK_ADMIN  admin user:password of the master realm (random for this run)
#   VIGIE_TEST_KEYCLOAK_HOME / VIGIE_TEST_KEYCLOAK_JAVA  the unpacked distribution and the JDK it runs on,
#                              for tests that start (and stop, or freeze) a Keycloak of their own
# Keycloak 26 needs Java 21+: the Temurin 25 JDK of this machine kind when present, else JAVA_HOME if it is 21+.
# Run by hand: `bash .ci/keycloak.sh` starts one and prints the export lines (stop it with the printed kill).
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.5.6}

keycloak_java() {
  local j
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
    [ -n "$j" ] && [ -x "$j/bin/java" ] || continue
    local v
    v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v:-0}" -ge 21 ] 2>/dev/null && { echo "$j"; return 0; }
  done
  return 1
}

keycloak_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# keycloak_start DIR: starts Keycloak with its logs and certificate in DIR; sets keycloak_pid.
keycloak_start() {
  local dir=$1 java zip home http https mgmt pass t0 t1
  java=$(keycloak_java) || { echo "[keycloak] no JDK 21+ found: Keycloak tests will be skipped"; return 1; }
  zip=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [ ! -s "$zip" ]; then
    echo "[keycloak] fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false \
      || { echo "[keycloak] download failed"; return 1; }
  fi
  home=~/.cache/vigie/keycloak-$KEYCLOAK_VERSION
  if [ ! -x "$home/bin/kc.sh" ]; then
    mkdir -p ~/.cache/vigie && rm -rf "$home.tmp" && mkdir -p "$home.tmp"
    unzip -q "$zip" -d "$home.tmp" && mv "$home.tmp/keycloak-$KEYCLOAK_VERSION" "$home" && rm -rf "$home.tmp"
  fi
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/kc-key.pem" -out "$dir/kc-cert.pem" >/dev/null 2>&1 || { echo "[keycloak] openssl failed"; return 1; }
  http=$(keycloak_free_port); https=$(keycloak_free_port); mgmt=$(keycloak_free_port)
  pass=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  t0=$(date +%s.%N)
  JAVA_HOME="$java" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$pass" \
    "$home/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$http" \
      --https-port="$https" --https-certificate-file="$dir/kc-cert.pem" --https-certificate-key-file="$dir/kc-key.pem" \
      --http-management-port="$mgmt" >"$dir/keycloak.log" 2>&1 &
  keycloak_pid=$!
  for _ in $(seq 1 480); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/realms/master")" = "200" ] && break
    kill -0 "$keycloak_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/realms/master")" != "200" ]; then
    echo "[keycloak] did not start"; tail -40 "$dir/keycloak.log"; return 1
  fi
  t1=$(date +%s.%N)
  echo "[keycloak] Keycloak $KEYCLOAK_VERSION (Java: $java) answering on http://127.0.0.1:$http and https://localhost:$https after $(python3 -c "print(round($t1-$t0,1))") s"
  export VIGIE_TEST_KEYCLOAK="http://127.0.0.1:$http"
  export VIGIE_TEST_KEYCLOAK_HTTPS="https://localhost:$https"
  export VIGIE_TEST_KEYCLOAK_CA="$dir/kc-cert.pem"
  export VIGIE_TEST_KEYCLOAK_ADMIN="admin:$pass"
  export VIGIE_TEST_KEYCLOAK_HOME="$home"
  export VIGIE_TEST_KEYCLOAK_JAVA="$java"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  d=$(mktemp -d /tmp/vigie-keycloak.XXXXXX)
  keycloak_start "$d" >&2
  env | grep '^VIGIE_TEST_KEYCLOAK' | sed 's/^/export /'
  echo "# stop: kill $keycloak_pid   (logs: $d/keycloak.log)"
fi
