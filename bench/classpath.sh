#!/usr/bin/env bash
# Sourced by the bench scripts: bench_classpath builds the bench module and the product modules it uses when
# they are missing or older than the sources, then prints the Java classpath to run a benchmark with.
# Works on a fresh machine: Maven runs offline when everything is already downloaded, online otherwise.
bench_classpath() {
  local root cp_file
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cp_file="$root/bench/target/bench.classpath"
  if [ ! -f "$cp_file" ] || [ -n "$(find "$root" -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$cp_file" -print -quit)" ]; then
    local args=(-B -q -pl bench -am -DskipTests -Dmaven.test.skip=true package dependency:build-classpath
                -Dmdep.outputFile=target/bench.classpath)
    echo "bench: building the benchmarks..." >&2
    (cd "$root" && { mvn -o "${args[@]}" >/dev/null 2>&1 || mvn "${args[@]}"; }) >&2
  fi
  echo "$root/bench/target/classes:$(cat "$cp_file")"
}
