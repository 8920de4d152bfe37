#!/usr/bin/env python3
"""A userspace delay line on a TUN device, for ConnectDelayTest.

    delay-line.py TUN HOLDS_FILE PORT:MS [PORT:MS ...]

Attaches to the TUN device (IFF_TUN | IFF_NO_PI), reads every IPv4 packet the kernel routes into it and
writes it straight back, so that the kernel receives it on TUN and delivers it locally. A TCP SYN (SYN set,
ACK clear) whose destination port is in the map is written back only after its delay: the client's
handshake, hence its connect time, is longer by that much, while the server's accept() is not involved.

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


def syn_port(packet):
    """The destination port of a TCP SYN (not SYN-ACK) in an IPv4 packet, else None."""
    if len(packet) < 20 or packet[0] >> 4 != 4 or packet[9] != 6:
        return None
    ihl = (packet[0] & 0x0F) * 4
    if len(packet) < ihl + 14:
        return None
    flags = packet[ihl + 13]
    if flags & TCP_SYN and not flags & TCP_ACK:
        return struct.unpack("!H", packet[ihl + 2:ihl + 4])[0]
    return None


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: delay-line.py TUN HOLDS_FILE PORT:MS [PORT:MS ...]")
    name, holds_path = argv[0], argv[1]
    delays = {}
    for spec in argv[2:]:
        port, ms = spec.split(":")
        delays[int(port)] = float(ms) / 1000.0

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
                port = syn_port(packet)
                if port in delays and delays[port] > 0:
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
