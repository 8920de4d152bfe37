#!/usr/bin/env bash
# Docs check: runs every command that README.md and docs/*.md mark as runnable, from the repository folder, and
# fails naming the file and line of the first command that fails.
#
# Marking convention: an HTML comment `<!-- runnable -->` on the line just before a fenced code block (```sh).
# Each line of the block is one command (a line ending in `\` continues on the next; `#` comments and blank
# lines are skipped); they run in order, each in its own `bash -e -o pipefail`, so a block may use the files an
# earlier line of it wrote. Mark only what is safe and fast on a CI machine: no real inventory probing, nothing
# that leaves loopback, seconds not minutes. Unmarked blocks are documentation only.
#
# Guards: a runnable command may name config/france.yaml only with check-config, and may not name a URL outside
# loopback. Where user namespaces are allowed, each command also runs in a network namespace of its own with only
# a loopback interface, so that nothing can leave the machine whatever the command does.
#
#   .ci/docs-check.sh            check README.md and docs/*.md
#   .ci/docs-check.sh FILE...    check these files only
#   DOCS_CHECK_TIMEOUT=300       seconds allowed to each command (default 300)
#
# Before the commands, outside the namespace: the launcher's jar and the benchmarks' classpath are built when
# missing or stale (Maven may fetch what it lacks, as in the rest of CI), and var/example/, where the documented
# examples write, is emptied so that no output of an earlier run can pass for this one.
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_s=${DOCS_CHECK_TIMEOUT:-300}
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(README.md docs/*.md)

./vigie --version >/dev/null
# shellcheck source=../bench/classpath.sh
source bench/classpath.sh
bench_classpath >/dev/null
rm -rf var/example

# A network namespace with only "lo" (up): what runs in it reaches 127.0.0.1 and nothing else.
isolate=()
if command -v unshare >/dev/null && command -v ip >/dev/null && unshare -rn ip link set lo up 2>/dev/null; then
  isolate=(unshare -rn bash -c 'ip link set lo up && exec "$@"' isolate)
else
  echo "[docs-check] no user namespaces here: commands run on the host network (the guards still apply)" >&2
fi

# Prints "file<TAB>line<TAB>command" for each command of each runnable block.
extract() {
  awk -v F="$1" '
    /^[[:space:]]*<!-- runnable -->[[:space:]]*$/ { armed = NR; next }
    /^[[:space:]]*```/ {
      if (inblock) { inblock = 0; if (cmd != "") { print F "\t" start "\t" cmd; cmd = "" } ; next }
      inblock = 1; runnable = (armed == NR - 1); next
    }
    inblock && runnable {
      line = $0
      if (cmd == "") {
        if (line ~ /^[[:space:]]*(#.*)?$/) next
        start = NR
      }
      if (line ~ /\\[[:space:]]*$/) { sub(/\\[[:space:]]*$/, " ", line); cmd = cmd line; next }
      cmd = cmd line
      print F "\t" start "\t" cmd
      cmd = ""
    }
    END { if (inblock && runnable) { print F "\t" NR "\tunterminated runnable block" > "/dev/stderr"; exit 1 } }
  ' "$1"
}

# Why a command must not run in CI, or nothing.
refused() {
  local cmd=$1
  if [[ $cmd == *france.yaml* && $cmd != *"check-config config/france.yaml"* ]]; then
    echo "names config/france.yaml outside check-config (it would probe the real inventory)"
  elif grep -Eo 'https?://[^/[:space:]"'"'"']+' <<<"$cmd" | grep -Evq '^https?://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?$'; then
    echo "names a URL outside loopback"
  fi
}

n=0
failed=0
for f in "${files[@]}"; do
  while IFS=$'\t' read -r file line cmd; do
    n=$((n + 1))
    why=$(refused "$cmd")
    if [ -n "$why" ]; then
      echo "[docs-check] $file:$line: refused, $why: $cmd" >&2
      failed=1
      break 2
    fi
    echo "[docs-check] $(date -u +%H:%M:%S) $file:$line: $cmd"
    start=$(date +%s)
    if ! out=$(timeout "$timeout_s" "${isolate[@]}" bash -e -o pipefail -c "$cmd" 2>&1 </dev/null); then
      echo "$out" | tail -n 30 >&2
      echo "[docs-check] $file:$line: FAILED ($(($(date +%s) - start)) s): $cmd" >&2
      failed=1
      break 2
    fi
    echo "$out" | tail -n 3 | sed 's/^/    /'
  done < <(extract "$f")
done
[ "$failed" -eq 0 ] || exit 1
[ "$n" -gt 0 ] || { echo "[docs-check] no runnable command found: the marking convention is <!-- runnable --> before a fenced block" >&2; exit 1; }
echo "[docs-check] $n documented commands ran fine"
