#!/usr/bin/env bash
# Builds a versioned release jar that production runs with plain `java -jar`, no Maven:
#   packaging/release.sh 0.2.0      ->  dist/vigie-0.2.0.jar and dist/vigie-0.2.0.jar.sha256
# The version is set in a scratch copy of the committed tree (the working tree stays untouched), the jar is
# checked to ship no benchmark but the demo's scoring, and to report its version.
set -euo pipefail
version="${1:?usage: packaging/release.sh VERSION (e.g. 0.2.0)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive HEAD | tar -x -C "$work"
# every pom names the parent version once, the parent its own version
find "$work" -name pom.xml -exec sed -i "0,/<version>0\.1\.0-SNAPSHOT<\/version>/s//<version>$version<\/version>/" {} +
sed -i "s/<version>0\.1\.0-SNAPSHOT<\/version>/<version>$version<\/version>/" "$work/pom.xml"
args=(-B -q -DskipTests -Dmaven.test.skip=true package -pl app -am)
(cd "$work" && { mvn -o "${args[@]}" >/dev/null 2>&1 || mvn "${args[@]}"; })
jar="$work/app/target/vigie.jar"
if unzip -Z1 "$jar" | grep '^fr/vigie/bench/.*\.class$' | grep -v '^fr/vigie/bench/scoring/' | grep -q .; then
  echo "release: the jar ships benchmark classes" >&2; exit 1
fi
reported="$(java -jar "$jar" --version | head -1)"
[ "$reported" = "vigie $version" ] || { echo "release: jar reports '$reported'" >&2; exit 1; }
mkdir -p "$root/dist"
cp "$jar" "$root/dist/vigie-$version.jar"
(cd "$root/dist" && sha256sum "vigie-$version.jar" >"vigie-$version.jar.sha256")
echo "dist/vigie-$version.jar ($(du -h "$root/dist/vigie-$version.jar" | cut -f1)): $reported"
