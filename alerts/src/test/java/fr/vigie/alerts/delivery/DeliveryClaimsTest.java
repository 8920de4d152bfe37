package fr.vigie.alerts.delivery;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A follower keeps its notifications; as leader it sends them, except those another controller delivered. */
class DeliveryClaimsTest {
    @TempDir
    Path dir;

    private final AtomicBoolean leader = new AtomicBoolean();
    private final Set<String> deliveredByOthers = ConcurrentHashMap.newKeySet();
    private final Set<String> deliveredHere = ConcurrentHashMap.newKeySet();
    private final DeliveryClaims claims = new DeliveryClaims() {
        @Override
        public boolean mayDeliver() {
            return leader.get();
        }

        @Override
        public boolean deliveredElsewhere(String id) {
            return deliveredByOthers.contains(id);
        }

        @Override
        public void delivered(String id) {
            deliveredHere.add(id);
        }
    };

    @Test
    void aFollowerHoldsItsOutboxThenAsLeaderSendsOnlyWhatNobodyDelivered() throws Exception {
        try (Harness h = Harness.start(dir, claims)) {
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.script.open("cned", "target:cned", Status.PARTIAL_OUTAGE, Cause.STORAGE, "cned");
            h.advance(Duration.ofSeconds(31));
            List<String> ids = h.outbox().stream().filter(e -> e.receiver().equals("crise")).map(OutboxEntry::id)
                    .toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
            assertThat(h.service.outbox().pending()).hasSameSizeAs(h.outbox()); // the follower sent nothing

            deliveredByOthers.add(ids.get(0)); // the old leader delivered the first before it died
            leader.set(true);
            h.service.resumeDelivery();

            Await.until("the new leader emptied its outbox", Duration.ofSeconds(10),
                    () -> h.service.outbox().pending().isEmpty());
            List<String> sent = h.crise.accepted().stream().map(hit -> hit.header("webhook-id")).toList();
            assertThat(sent).containsExactlyElementsOf(ids.subList(1, ids.size()));
            assertThat(deliveredHere).containsExactlyInAnyOrderElementsOf(ids.subList(1, ids.size()));
        }
    }
}
