#!/usr/bin/env bash
# Checks packaging/vigie.service: systemd-analyze verify must print nothing (it exits 0 even on unknown keys
# or bad values, so any output fails here), and the hardening directives must be present.
set -euo pipefail
unit="$(cd "$(dirname "$0")" && pwd)/vigie.service"
for directive in DynamicUser=yes ProtectSystem=strict NoNewPrivileges=yes StateDirectory=vigie \
    ExecReload= PrivateTmp=yes CapabilityBoundingSet=; do
  grep -q "^$directive" "$unit" || { echo "vigie.service: missing $directive" >&2; exit 1; }
done
if command -v systemd-analyze >/dev/null; then
  out="$(systemd-analyze verify "$unit" 2>&1 || true)"
  if [ -n "$out" ]; then
    echo "$out" >&2
    exit 1
  fi
  echo "vigie.service: systemd-analyze verify clean; hardening directives present"
else
  echo "vigie.service: hardening directives present (systemd-analyze not installed: not verified)"
fi
