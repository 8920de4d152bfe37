#!/bin/bash
# Headroom forecast on simulated weeks (docs/performance.md, "Headroom forecast"; issue 17): seed A's weeks fit the
# forecast's constants, seed B's weeks score them; prints precision and recall of "saturates that morning" 1, 2 and
# 3 mornings ahead and how many mornings ahead each platform's first saturation was announced.
# usage: bench/headroom.sh [--seed-a 11] [--seed-b 12] [--targets 24] [--days 60]
# Needs only a JDK 17 and Maven; builds what it runs from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
out=var/headroom
mkdir -p "$out"
mvn -B -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/headroom-classpath.txt \
  -Dmdep.includeScope=runtime >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
exec java -Xmx2g -cp "$(cat bench/target/headroom-classpath.txt):bench/target/classes" fr.vigie.bench.forecast.HeadroomBench "$@"
