package fr.vigie.probes.schedule;

import fr.vigie.probes.StepResult;
import fr.vigie.probes.trace.TraceReader;
import fr.vigie.probes.trace.TraceWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.nio.charset.StandardCharsets;

/**
 * Event-bus codec for {@link StepResult}: local delivery passes the immutable record itself (no copy);
 * over a clustered bus it travels as its trace line.
 */
public final class StepResultCodec implements MessageCodec<StepResult, StepResult> {
    public static final String NAME = "vigie-step-result";

    /** Registers the codec as the default for StepResult, unless some module already did. */
    public static void registerOn(EventBus bus) {
        try {
            bus.registerDefaultCodec(StepResult.class, new StepResultCodec());
        } catch (IllegalStateException alreadyRegistered) {
            // another engine (or the aggregator) registered it first: same behaviour
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, StepResult result) {
        byte[] line = TraceWriter.toLine(result).getBytes(StandardCharsets.UTF_8);
        buffer.appendInt(line.length).appendBytes(line);
    }

    @Override
    public StepResult decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        String line = buffer.getString(pos + 4, pos + 4 + length, "UTF-8");
        return TraceReader.parse(0, line);
    }

    @Override
    public StepResult transform(StepResult result) {
        return result;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
