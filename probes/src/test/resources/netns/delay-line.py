#!/usr/bin/env python3
"""A userspace delay line on a TUN device, for ConnectDelayTest.

    delay-line.py TUN HOLDS_FILE PORT:MS|PORT:dropN [...]

Attaches to the TUN device (IFF_TUN | IFF_NO_PI), reads every IPv4 packet the kernel routes into it and
writes it straight back, so that the kernel receives it on TUN and delivers it locally. A TCP SYN (SYN set,
ACK clear) whose destination port is in the map is written back only after its delay: the client's
handshake, hence its connect time, is longer by that much, while the server's accept() is not involved.

PORT:dropN drops the first N SYNs of every connection to PORT (a connection is its source port) and lets the
next one through: packet loss, so the client's own kernel retransmits the SYN on its real timers (RFC 6298:
initial RTO 1 s, then doubled). The hold written for such a connection runs from its first SYN to the one let
through, so the caller sees the kernel's real retransmission delay.

Each real hold of a mapped SYN (from reading it to writing it back, timer lateness included) is appended
to HOLDS_FILE as "PORT MS" and flushed at once, so the caller compares with what was really injected.
Prints "ready" once attached; stops on SIGTERM, SIGINT or the end of its standard input (the caller, which
holds the other end of that pipe, died). One thread, a heap of due packets and a select() timeout: no busy
loop.
"""
import fcntl
import heapq
import os
import select
import signal
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
TCP_SYN = 0x02
TCP_ACK = 0x10


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop()


def syn_ports(packet):
    """(source port, destination port) of a TCP SYN (not SYN-ACK) in an IPv4 packet, else (None, None)."""
    if len(packet) < 20 or packet[0] >> 4 != 4 or packet[9] != 6:
        return None, None
    ihl = (packet[0] & 0x0F) * 4
    if len(packet) < ihl + 14:
        return None, None
    flags = packet[ihl + 13]
    if flags & TCP_SYN and not flags & TCP_ACK:
        return struct.unpack("!HH", packet[ihl:ihl + 4])
    return None, None


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: delay-line.py TUN HOLDS_FILE PORT:MS|PORT:dropN [...]")
    name, holds_path = argv[0], argv[1]
    delays = {}
    drops = {}
    for spec in argv[2:]:
        port, what = spec.split(":")
        if what.startswith("drop"):
            drops[int(port)] = int(what[4:])
        else:
            delays[int(port)] = float(what) / 1000.0
    first_seen = {}  # (source port, destination port) -> [time of the first SYN, SYNs seen]

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    holds = open(holds_path, "a", buffering=1)
    due = []  # (release time, sequence, port, read time, packet)
    seq = 0
    print("ready", flush=True)
    try:
        while True:
            timeout = max(0.0, due[0][0] - time.monotonic()) if due else None
            readable, _, _ = select.select([fd, sys.stdin], [], [], timeout)
            if sys.stdin in readable and not os.read(sys.stdin.fileno(), 512):
                break
            if fd in readable:
                packet = os.read(fd, 65535)
                now = time.monotonic()
                source, port = syn_ports(packet)
                if port in drops:
                    seen = first_seen.setdefault((source, port), [now, 0])
                    seen[1] += 1
                    if seen[1] <= drops[port]:
                        continue  # lost: the client's kernel will retransmit it
                    os.write(fd, packet)
                    holds.write("%d %.3f\n" % (port, (time.monotonic() - seen[0]) * 1000.0))
                    del first_seen[(source, port)]
                elif port in delays and delays[port] > 0:
                    seq += 1
                    heapq.heappush(due, (now + delays[port], seq, port, now, packet))
                else:
                    os.write(fd, packet)
                    if port in delays:
                        holds.write("%d %.3f\n" % (port, (time.monotonic() - now) * 1000.0))
            now = time.monotonic()
            while due and due[0][0] <= now:
                _, _, port, read_at, packet = heapq.heappop(due)
                os.write(fd, packet)
                holds.write("%d %.3f\n" % (port, (time.monotonic() - read_at) * 1000.0))
    except Stop:
        pass
    finally:
        holds.close()
        os.close(fd)


if __name__ == "__main__":
    main(sys.argv[1:])
