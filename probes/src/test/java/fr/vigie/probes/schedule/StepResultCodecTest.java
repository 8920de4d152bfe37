package fr.vigie.probes.schedule;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StepResultCodecTest {
    @Test
    void localDeliveryPassesTheRecordAndTheWireFormatIsTheTraceLine() {
        StepResult r = new StepResult(Instant.parse("2021-04-06T06:00:00.125Z"), Instant.parse("2021-04-06T06:00:00Z"),
                "ent-idf", "paris", "open-ent-ng", "run-1", "login", StepKind.LOGIN, Outcome.LOGIN_REJECTED, 200, null,
                0.5, 0.3, null, 12.0, 20.0, 1234, false, null, null, "rejected");
        StepResultCodec codec = new StepResultCodec();
        assertThat(codec.transform(r)).isSameAs(r);
        Buffer wire = Buffer.buffer("xx");
        codec.encodeToWire(wire, r);
        assertThat(codec.decodeFromWire(2, wire)).isEqualTo(r);
    }
}
