#!/usr/bin/env bash
# Sourced by the bench scripts: bench_need_packages PKG... installs the Debian packages a benchmark needs when they
# are missing (as root, as on a fresh machine of this project's kind), or says which to install and fails.
bench_need_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "this benchmark needs the Debian packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "bench: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}
