package fr.vigie.simulator.physics;

import java.util.Random;

/**
 * TCP over a lossy path, with the real timers. Connect (RFC 6298, Linux defaults): the SYN is retransmitted after
 * the initial RTO of 1 s, doubling each time (t = 0, 1, 3, 7, 15 s); an attempt succeeds when its SYN is delivered,
 * finds room in the server's listen backlog, and the SYN-ACK comes back, so connect times sit at RTT, 1 s + RTT,
 * 3 s + RTT... Data: each lost segment of a short exchange (too few segments in flight for fast retransmit) waits a
 * retransmission time-out, 200 ms (Linux's minimum RTO once an RTT is measured) doubling on each loss of the same
 * segment; after 6 losses of one segment the connection is given up (reset).
 */
final class TcpPath {
    static final double[] SYN_SEND_MS = {0, 1_000, 3_000, 7_000, 15_000, 31_000};
    private static final double DATA_RTO_MS = 200;
    private static final int SEGMENT_BYTES = 1_448;
    private static final int MAX_DATA_RETRIES = 6;

    private TcpPath() {
    }

    /**
     * Connect time in ms, or -1 when no attempt succeeds within the time-out.
     *
     * @param synLoss        loss probability of each SYN and each SYN-ACK
     * @param backlogAccept  probability that a delivered SYN finds room in the listen backlog
     */
    static double connect(double rttMs, double synLoss, double backlogAccept, double timeoutMs, Random random) {
        for (double sent : SYN_SEND_MS) {
            if (sent + rttMs > timeoutMs) {
                return -1;
            }
            boolean synArrives = random.nextDouble() >= synLoss;
            boolean queued = synArrives && random.nextDouble() < backlogAccept;
            boolean synAckBack = queued && random.nextDouble() >= synLoss;
            if (synAckBack) {
                return sent + rttMs * (0.9 + 0.2 * random.nextDouble());
            }
        }
        return -1;
    }

    /** Extra time from data-segment losses for a request and a response of {@code bytes}; NaN when it gives up. */
    static double dataDelay(int bytes, double loss, Random random) {
        if (loss <= 0) {
            return 0;
        }
        int segments = 1 + (bytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES;
        double extra = 0;
        for (int s = 0; s < segments; s++) {
            double rto = DATA_RTO_MS;
            int tries = 0;
            while (random.nextDouble() < loss) {
                if (++tries > MAX_DATA_RETRIES) {
                    return Double.NaN;
                }
                // a loss inside a long flight is repaired by fast retransmit (about one RTT, folded in the jitter);
                // the last segments and short exchanges wait the timer
                if (segments - s <= 3) {
                    extra += rto;
                    rto *= 2;
                } else {
                    extra += 2;
                }
            }
        }
        return extra;
    }
}
