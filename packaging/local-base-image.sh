#!/usr/bin/env bash
# Builds a minimal JRE 17 base image as a docker-save tarball from this machine's JDK (jlink) and C library,
# for `jib:buildTar` where no registry is reachable (CI here):
#   packaging/local-base-image.sh target/base.tar
#   mvn -Pimage -pl app -am package jib:buildTar -DskipTests -Dvigie.image.base=tar://$PWD/target/base.tar
set -euo pipefail
out="$(realpath -m "${1:?usage: local-base-image.sh OUT.tar}")"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.jfr,jdk.management \
  --strip-debug --no-header-files --no-man-pages --output "$root/opt/java"
# the C libraries the runtime loads, at their usual paths
for f in $(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \)); do ldd "$f" 2>/dev/null; done \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
  done
printf 'root:x:0:0::/:/sbin/nologin\nnonroot:x:65532:65532::/var/lib/vigie:/sbin/nologin\n' >"$root/etc/passwd"
tar -C "$root" --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["vigie-base:local"],"Layers":["layer.tar"]}]' >"$work/manifest.json"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: $(du -h "$out" | cut -f1)"
