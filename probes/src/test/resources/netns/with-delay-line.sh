#!/usr/bin/env bash
# Runs a command with TCP SYNs to SERVER delayed by a userspace delay line, for ConnectDelayTest.
#
#   unshare --user --map-root-user --net -- bash with-delay-line.sh SERVER HOLDS_FILE PORT:MS... -- COMMAND...
#
# Must run in a fresh network namespace (it refuses otherwise: it rewrites the routing policy). There,
# SERVER (a 127.0.0.0/8 address other than 127.0.0.1, local on lo) is reached through tun0:
#   - a policy rule sends packets generated here *to SERVER* (iif lo) to table 100, whose only route is
#     "SERVER dev tun0 src 127.0.0.1"; the rule for the local table moves after it, from pref 0 to 100;
#   - delay-line.py reads them from tun0 and writes them back into tun0, SYNs to a mapped port after their
#     delay; written back, they arrive on tun0 (iif tun0, so the rule above does not match) and the local
#     table delivers them to SERVER's sockets;
#   - loopback addresses on a non-loopback device need route_localnet, a local source arriving from outside
#     needs accept_local, and reverse-path filtering is off.
# Replies from SERVER go to 127.0.0.1 over lo as usual: only the client-to-server direction crosses the
# delay line. Nothing leaves the namespace, which has no other interface.
#
# Exit status: COMMAND's; 77 (with "skip: reason" on stderr) if TUN devices or tools are missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

skip() { echo "skip: $*" >&2; exit 77; }
die() { echo "with-delay-line: $*" >&2; exit 2; }

[ $# -ge 5 ] || die "usage: with-delay-line.sh SERVER HOLDS_FILE PORT:MS... -- COMMAND..."
server=$1 holds=$2
shift 2
delays=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do delays+=("$1"); shift; done
[ $# -gt 1 ] || die "no command after --"
shift

command -v ip >/dev/null || skip "no 'ip' command (iproute2)"
command -v python3 >/dev/null || skip "no python3"
[ -c /dev/net/tun ] || skip "no /dev/net/tun"
[ "$(ip -o link show | wc -l)" = 1 ] || die "refusing to run outside a fresh network namespace (only lo expected)"

ip link set lo up
ip tuntap add dev tun0 mode tun 2>/dev/null || skip "cannot create a TUN device in a user network namespace"
ip link set tun0 up
conf=/proc/sys/net/ipv4/conf
for dev in all tun0; do
  echo 1 >"$conf/$dev/route_localnet"
  echo 1 >"$conf/$dev/accept_local"
  echo 0 >"$conf/$dev/rp_filter"
done
ip rule add pref 100 lookup local
ip rule del pref 0 lookup local
ip rule add pref 10 to "$server" iif lo lookup 100
ip route add "$server" dev tun0 src 127.0.0.1 table 100

# The delay line's stdin is the coproc pipe: if this shell dies, it sees end of input and stops.
coproc DELAY_LINE { exec python3 "$here/delay-line.py" tun0 "$holds" "${delays[@]}"; }
delay_line_pid=$DELAY_LINE_PID
stop_delay_line() { kill -TERM "$delay_line_pid" 2>/dev/null || true; wait "$delay_line_pid" 2>/dev/null || true; }
trap stop_delay_line EXIT
ready=
read -r -t 20 -u "${DELAY_LINE[0]}" ready || true
[ "$ready" = ready ] || die "the delay line did not attach to tun0"

status=0
"$@" || status=$?
exit "$status"
