package fr.vigie.aggregator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Encodes the list-valued columns (evidence, targets, causes) the same way in every store. */
final class StoredJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private StoredJson() {
    }

    static String evidence(List<Evidence> evidence) {
        return write(evidence);
    }

    static List<Evidence> evidence(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, EVIDENCE);
    }

    static String strings(List<String> values) {
        return write(values);
    }

    static List<String> strings(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, STRINGS);
    }

    static String causes(Set<Cause> causes) {
        return causes.stream().sorted().map(Cause::wire).collect(Collectors.joining(","));
    }

    static Set<Cause> causes(String text) {
        Set<Cause> set = EnumSet.noneOf(Cause.class);
        if (text != null && !text.isEmpty()) {
            for (String c : text.split(",")) {
                set.add(Cause.fromWire(c));
            }
        }
        return set;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode stored JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored JSON", e);
        }
    }
}
