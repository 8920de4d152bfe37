package fr.vigie.simulator.physics;

import java.util.Random;

/**
 * Plays one journey step through the layers a real request crosses, in order: the vantage's uplink, name
 * resolution, TCP connect, the WAF, the service's state (maintenance, deploy), the server pool's queue, the disk
 * for writes, then the transfer over the path. Fills the trace line and returns the step's duration in ms.
 */
final class StepPhysics {
    private final ServerPool pool;
    private final double connectTimeoutMs;
    private final double stepTimeoutMs;

    StepPhysics(ServerPool pool, double connectTimeoutMs, double stepTimeoutMs) {
        this.pool = pool;
        this.connectTimeoutMs = connectTimeoutMs;
        this.stepTimeoutMs = stepTimeoutMs;
    }

    /** Mean cost of a step in page-equivalents of pool work; static files are served by the proxy cache. */
    static double cost(String kind, String step) {
        return switch (kind) {
            case "static" -> 0;
            case "login" -> step.equals("login-page") ? 0.6 : 2.0;   // password hashing
            case "api" -> 0.3;
            case "write" -> 0.6;
            default -> step.equals("logout") ? 0.3 : 1.0;
        };
    }

    static int bytes(String kind, String step) {
        return switch (kind) {
            case "static" -> 30_000;
            case "login" -> step.equals("login-page") ? 10_000 : 3_000;
            case "api" -> 200;
            case "write" -> 60;
            default -> step.equals("logout") ? 500 : 40_000;
        };
    }

    /** What a healthy step takes on this target, for "visible effect" (ms). */
    double nominalMs(PhysicsTarget target, JourneySteps.Step step, double rttMs) {
        return 3 * rttMs + cost(step.kind(), step.name()) * pool.pageServiceMs() + 3;
    }

    double play(PhysicsTarget target, JourneySteps.Step step, Conditions c, double rttMs, Random r, TraceLine line) {
        line.maintenance = c.maintenanceDeclared;
        if (c.dnsFailure != null) {
            return dns(c.dnsFailure, r, line);
        }
        if (c.uplinkDown) {
            line.fail("connect_timeout", null, null, "connect timed out after " + (long) connectTimeoutMs + " ms");
            return finish(line, connectTimeoutMs);
        }
        boolean restarting = "restart".equals(c.deployVariant) && r.nextDouble() < c.deployErrorShare;
        if (restarting) {
            line.fail("connect_refused", null, null, "Connection refused");
            return finish(line, rttMs);
        }
        double connect = TcpPath.connect(rttMs, c.synLoss, c.backlogAccept, connectTimeoutMs, r);
        if (connect < 0) {
            line.fail("connect_timeout", null, null, "connect timed out after " + (long) connectTimeoutMs + " ms");
            return finish(line, connectTimeoutMs);
        }
        line.connectMs = connect;
        if (r.nextDouble() < c.resetChance) {
            line.fail("reset", null, null, "Connection reset by peer");
            return finish(line, connect + rttMs * (1 + r.nextDouble()));
        }
        if (r.nextDouble() < c.stallChance) {
            return timeout(line);
        }
        double ttfb;
        if (c.wafChallenge > 0 && r.nextDouble() < c.wafChallenge) {
            ttfb = rttMs + 5 + 10 * r.nextDouble();
            boolean cloudflare = r.nextBoolean();
            line.fail("signature", cloudflare ? 403 : 503, "waf_challenge",
                    cloudflare ? "attack: Attention Required! | Cloudflare" : "attack: Just a moment...");
            return served(line, connect, ttfb, 6_000, c, r);
        }
        double cost = cost(step.kind(), step.name());
        if (c.maintenancePage && cost > 0) {
            line.fail("signature", 503, "maintenance", "maintenance: Opération de maintenance en cours");
            return served(line, connect, rttMs + 2 + 3 * r.nextDouble(), 3_000, c, r);
        }
        if (cost > 0 && c.deployErrorShare > 0 && !"restart".equals(c.deployVariant)
            && r.nextDouble() < c.deployErrorShare) {
            if ("rolling".equals(c.deployVariant)) {
                line.fail("signature", 502, "gateway_error", "gateway: 502 Bad Gateway");
                return served(line, connect, rttMs + 1 + 2 * r.nextDouble(), 600, c, r);
            }
            if (!step.kind().equals("login") || !step.name().equals("login-page")) {
                line.fail("signature", 500, "app_error", "application: java.lang.NullPointerException");
                return served(line, connect, rttMs + 20 + 30 * r.nextDouble(), 4_000, c, r);
            }
        }
        if (cost == 0) {
            ttfb = rttMs + 1 + 2 * r.nextDouble();
        } else {
            ServerPool.Admission a = pool.arrive(c.userRho + c.floodRho, pool.workers() - c.workersHeld, r);
            if (a.rejected()) {
                FrontEnd.rejected(target, line);
                return served(line, connect, rttMs + 2 + 3 * r.nextDouble(), 4_000, c, r);
            }
            double service = -Math.log(1 - r.nextDouble()) * cost * pool.pageServiceMs();
            ttfb = rttMs + a.waitMs() + service;
            if (step.kind().equals("write") || (c.disk == DiskFault.Mode.IO_ERROR && r.nextDouble() < 0.05)) {
                Double storage = storage(step, c, r, line);
                if (storage == null) {
                    return served(line, connect, ttfb + 2, 700, c, r);
                }
                ttfb += storage;
            }
        }
        if (connect + ttfb > stepTimeoutMs) {
            return timeout(line);
        }
        line.status = okStatus(target, step);
        return served(line, connect, ttfb, bytes(step.kind(), step.name()), c, r);
    }

    /** Extra ms of a disk write, or null when the write failed (the line then holds the error). */
    private Double storage(JourneySteps.Step step, Conditions c, Random r, TraceLine line) {
        if (c.disk == null) {
            return 0.2 + r.nextDouble();
        }
        boolean write = step.kind().equals("write");
        switch (c.disk) {
            case FULL -> {
                if (write) {
                    line.fail("signature", 500, "disk_full", "storage: No space left on device");
                    return null;
                }
            }
            case DB_EXTEND -> {
                if (write) {
                    line.fail("signature", 500, "db_cannot_extend", "storage: could not extend file \"base/16384/2619\"");
                    return null;
                }
            }
            case READ_ONLY -> {
                if (write) {
                    line.fail("signature", 500, "read_only_fs", "storage: EROFS: read-only file system");
                    return null;
                }
            }
            case IO_ERROR -> {
                if (!write || r.nextDouble() < 0.7) {
                    line.fail("signature", 500, "io_error", "storage: Input/output error");
                    return null;
                }
            }
            case SLOW -> {
                // log-normal fsync latency: median diskLatencyMs, sigma 1 (fail-slow disks have heavy tails)
                return write ? c.diskLatencyMs * Math.exp(r.nextGaussian()) : 0.0;
            }
            case HANG -> {
                if (write) {
                    return 60_000.0;   // waits for free space: beyond any step time-out
                }
            }
        }
        return 0.2 + r.nextDouble();
    }

    private double served(TraceLine line, double connect, double ttfb, int bytes, Conditions c, Random r) {
        double transfer = bytes / 10_000.0;   // 10 MB/s on the last mile
        double loss = TcpPath.dataDelay(bytes, c.dataLoss, r);
        if (Double.isNaN(loss)) {
            line.fail("reset", line.status, null, "Connection reset (retransmissions exhausted)");
            line.signature = null;
            return finish(line, Math.min(stepTimeoutMs, connect + ttfb + 12_600));
        }
        double total = connect + ttfb + transfer + loss;
        if (total > stepTimeoutMs) {
            return timeout(line);
        }
        line.ttfbMs = ttfb;
        line.bytes = bytes;
        return finish(line, total);
    }

    private double timeout(TraceLine line) {
        line.fail("response_timeout", null, null, "no response within " + (long) stepTimeoutMs + " ms");
        line.signature = null;
        line.ttfbMs = null;
        line.bytes = 0;
        return finish(line, stepTimeoutMs);
    }

    private double dns(String failure, Random r, TraceLine line) {
        double ms = switch (failure) {
            case "NXDOMAIN" -> 10 + 30 * r.nextDouble();
            case "SERVFAIL" -> 2 * (30 + 50 * r.nextDouble());     // both servers asked
            default -> Math.min(stepTimeoutMs, 2 * connectTimeoutMs); // each query bounded by connect-timeout
        };
        String detail = switch (failure) {
            case "NXDOMAIN" -> "no such name (NXDOMAIN)";
            case "SERVFAIL" -> "server failure (SERVFAIL) from every DNS server";
            default -> "DNS query timed out";
        };
        line.fail("dns_failure", null, null, detail);
        line.dnsMs = ms;
        return finish(line, ms);
    }

    private static double finish(TraceLine line, double totalMs) {
        line.totalMs = totalMs;
        return totalMs;
    }

    private static int okStatus(PhysicsTarget target, JourneySteps.Step step) {
        if (target.family().equals("open-ent-ng") && (step.name().equals("login") || step.name().equals("logout"))) {
            return 302;
        }
        return step.kind().equals("write") ? 201 : 200;
    }
}
