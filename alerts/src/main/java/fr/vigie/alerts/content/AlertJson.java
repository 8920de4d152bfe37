package fr.vigie.alerts.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The one JSON mapping of alerts: ISO-8601 times, lower-case wire names for status, cause and kind. */
public final class AlertJson {
    private static final ObjectMapper MAPPER = build();

    private AlertJson() {
    }

    /** A shared, thread-safe mapper configured for alert payloads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static Alert readAlert(String json) {
        try {
            return MAPPER.readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored alert is not readable", e);
        }
    }

    private static ObjectMapper build() {
        SimpleModule wire = new SimpleModule("vigie-wire");
        wire.addSerializer(Status.class, serializer(Status::wire));
        wire.addDeserializer(Status.class, deserializer(Status::fromWire));
        wire.addSerializer(Cause.class, serializer(Cause::wire));
        wire.addDeserializer(Cause.class, deserializer(Cause::fromWire));
        wire.addSerializer(AlertKind.class, serializer(k -> k.name().toLowerCase(Locale.ROOT)));
        wire.addDeserializer(AlertKind.class, deserializer(s -> AlertKind.valueOf(s.toUpperCase(Locale.ROOT))));
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(wire)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static <T> JsonSerializer<T> serializer(java.util.function.Function<T, String> toWire) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(toWire.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> deserializer(java.util.function.Function<String, T> fromWire) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return fromWire.apply(p.getValueAsString());
            }
        };
    }
}
