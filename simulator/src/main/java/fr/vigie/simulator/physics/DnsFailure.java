package fr.vigie.simulator.physics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The authoritative DNS of a target fails: {@code NXDOMAIN} (lapsed or mis-edited zone), {@code SERVFAIL} (broken
 * DNSSEC chain, lame delegation) or {@code TIMEOUT} (authoritative servers unreachable). The prober keeps its cached
 * answer for the record's TTL (300 s here), so the failure shows only once that copy expires, at a time after the
 * fault's start drawn uniformly within the TTL; after the repair a NXDOMAIN stays in negative caches for the SOA
 * minimum (60 s). The demo addresses its services by IP literal: this mechanism treats the target as addressed by
 * name (as {@code vigie demo --scenario dns-outage} does). {@code intensity} is the seconds until the cache expired.
 */
final class DnsFailure extends TargetedFault {
    static final Duration TTL = Duration.ofSeconds(300);
    static final Duration NEGATIVE_TTL = Duration.ofSeconds(60);

    DnsFailure(List<String> targets, Window window, String variant, double cacheLeftSeconds) {
        super(targets, variant.equals("NXDOMAIN") ? new Window(window.start(), window.end().plus(NEGATIVE_TTL),
                Duration.ZERO) : window, variant, cacheLeftSeconds);
    }

    @Override
    public String name() {
        return "dns";
    }

    @Override
    String cause() {
        return "network";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        // the window holds; whether the cached answer has expired is decided against the step's time below
    }

    @Override
    public void shapeAt(PhysicsTarget target, Instant t, Conditions c) {
        if (window.holds(t) && targets.contains(target.id())
            && !t.isBefore(window.start().plusMillis((long) (intensity * 1000)))) {
            c.dnsFailure = variant;
        }
    }
}
