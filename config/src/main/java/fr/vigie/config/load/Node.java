package fr.vigie.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.vigie.config.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A located view of one YAML node with typed readers. Readers never throw: a wrong or missing value
 * is reported to {@link Problems} with this node's path and line, and the reader returns null (or empty),
 * so that the whole file is checked in one pass.
 */
final class Node {
    /** Top-level keys starting with this are ignored: a place for YAML anchors ({@code x-common: &common}). */
    static final String EXTENSION_PREFIX = "x-";

    private final JsonNode json;
    private final String path;
    private final Context context;

    /** What every node of one document shares: the problem collector and the secret resolver. */
    record Context(Problems problems, SecretResolver secrets) {
    }

    Node(JsonNode json, String path, Context context) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.context = context;
    }

    public String path() {
        return path;
    }

    /** The last key of the path, used in messages. */
    String name() {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf(']'));
        return cut < 0 ? path : path.substring(cut + 1);
    }

    /** True when the key is written with a non-null value. */
    public boolean present() {
        return !json.isMissingNode() && !json.isNull();
    }

    JsonNode json() {
        return json;
    }

    Context context() {
        return context;
    }

    public Node get(String key) {
        JsonNode child = json.isObject() ? json.get(key) : null;
        return new Node(child, Paths.key(path, key), context);
    }

    public void error(String message) {
        context.problems().add(path, message);
    }

    /**
     * Checks this is a mapping whose keys are all in {@code allowed}; unknown keys are reported with a hint.
     *
     * @return true when present and a mapping
     */
    public boolean mapping(String... allowed) {
        if (!present()) {
            return false;
        }
        if (!json.isObject()) {
            error("expected a mapping (key: value lines), found " + describe());
            return false;
        }
        List<String> known = Arrays.asList(allowed);
        for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key) && !(path.isEmpty() && key.startsWith(EXTENSION_PREFIX))) {
                context.problems().add(Paths.key(path, key), "unknown key '" + key + "'"
                        + Suggestions.hint(key, known) + "; allowed here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return true;
    }

    /** The entries of a mapping with free keys (names), in file order; empty when absent. */
    public Map<String, Node> entries() {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (!present()) {
            return entries;
        }
        if (!json.isObject()) {
            error("expected a mapping of names, found " + describe());
            return entries;
        }
        json.fieldNames().forEachRemaining(key -> entries.put(key, get(key)));
        return entries;
    }

    /** The items of a list; empty when absent. */
    public List<Node> items() {
        List<Node> items = new ArrayList<>();
        if (!present()) {
            return items;
        }
        if (!json.isArray()) {
            error("expected a list, found " + describe());
            return items;
        }
        for (int i = 0; i < json.size(); i++) {
            items.add(new Node(json.get(i), Paths.index(path, i), context));
        }
        return items;
    }

    /** Reports the key as missing when absent; returns {@link #present()}. */
    public boolean required() {
        if (!present()) {
            error("missing required key '" + name() + "'");
            return false;
        }
        return true;
    }

    /** A text value with {@code ${..}} / {@code file:} resolved; null when absent or wrong. */
    /** The value as written, before any ${...} or file: is resolved; null if absent or not a scalar. */
    String rawText() {
        return present() && json.isValueNode() ? json.asText() : null;
    }

    public String text() {
        SecretResolver.Resolved resolved = resolved();
        return resolved == null ? null : resolved.value();
    }

    public String text(String fallback) {
        String t = text();
        return t == null ? fallback : t;
    }

    public String requiredText() {
        return required() ? text() : null;
    }

    /** A secret: its value never appears in messages; its source says where it came from. */
    public Secret secret() {
        SecretResolver.Resolved resolved = resolved();
        return resolved == null ? null : Secret.of(resolved.source(), resolved.value());
    }

    private SecretResolver.Resolved resolved() {
        if (!present()) {
            return null;
        }
        if (!json.isValueNode()) {
            error("expected a text value, found " + describe());
            return null;
        }
        try {
            return context.secrets().resolve(json.asText());
        } catch (SecretResolver.Unresolvable e) {
            error(e.getMessage());
            return null;
        }
    }

    public Boolean bool() {
        if (!present()) {
            return null;
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        String t = text();
        if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.parseBoolean(t);
        }
        if (t != null) {
            error("expected true or false, found '" + t + "'");
        }
        return null;
    }

    public boolean bool(boolean fallback) {
        Boolean b = bool();
        return b == null ? fallback : b;
    }

    /** An integer within [min, max]; null when absent or wrong. */
    public Long integer(long min, long max) {
        if (!present()) {
            return null;
        }
        String t = json.isNumber() ? json.asText() : text();
        if (t == null) {
            return null;
        }
        try {
            long value = Long.parseLong(t.trim().replace("_", ""));
            if (value < min || value > max) {
                error("expected a whole number between " + min + " and " + max + ", found " + value);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            error("expected a whole number, found '" + t + "'");
            return null;
        }
    }

    /** A decimal number greater than {@code exclusiveMin}; null when absent or wrong. */
    public Double decimal(double exclusiveMin) {
        if (!present()) {
            return null;
        }
        String t = json.isNumber() ? json.asText() : text();
        if (t == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(t.trim());
            if (!(value > exclusiveMin) || Double.isInfinite(value)) {
                error("expected a number greater than " + exclusiveMin + ", found " + t);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            error("expected a number, found '" + t + "'");
            return null;
        }
    }

    /** A strictly positive duration ({@code 30s}, {@code 2m}, {@code PT1H}...); null when absent or wrong. */
    public Duration duration() {
        String t = text();
        if (t == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(t);
            if (d.isZero() || d.isNegative()) {
                error("duration must be greater than zero, found '" + t + "'");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return null;
        }
    }

    public Duration duration(Duration fallback) {
        Duration d = duration();
        return d == null ? fallback : d;
    }

    /** A list of texts; a single scalar counts as a one-item list; empty when absent. */
    public List<String> texts() {
        List<String> values = new ArrayList<>();
        if (!present()) {
            return values;
        }
        if (json.isValueNode()) {
            String t = text();
            if (t != null) {
                values.add(t);
            }
            return values;
        }
        for (Node item : items()) {
            String t = item.text();
            if (t != null) {
                values.add(t);
            }
        }
        return values;
    }

    /** A mapping of texts to texts (headers, form fields, vars); empty when absent. */
    public Map<String, String> textMap() {
        Map<String, String> values = new LinkedHashMap<>();
        entries().forEach((key, node) -> {
            String t = node.present() ? node.text() : "";
            if (t != null) {
                values.put(key, t);
            }
        });
        return values;
    }

    /** One of an enum's values, written in lower case with dashes; the error lists the allowed ones. */
    public <E extends Enum<E>> E choice(Class<E> type) {
        String t = text();
        if (t == null) {
            return null;
        }
        String wanted = t.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        Set<String> allowed = Arrays.stream(type.getEnumConstants()).map(Node::wire)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        error("bad value '" + t + "'" + Suggestions.hint(t, allowed) + ": expected one of " + String.join(", ", allowed));
        return null;
    }

    /** One of a fixed set of words; the error lists the allowed ones. */
    public String oneOf(List<String> allowed) {
        String t = text();
        if (t == null) {
            return null;
        }
        if (allowed.contains(t)) {
            return t;
        }
        error("bad value '" + t + "'" + Suggestions.hint(t, allowed) + ": expected one of " + String.join(", ", allowed));
        return null;
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String describe() {
        if (json.isObject()) {
            return "a mapping";
        }
        if (json.isArray()) {
            return "a list";
        }
        // never the value itself: a misplaced scalar may be a password
        return json.isNumber() ? "a number" : json.isBoolean() ? "true/false" : "a text value";
    }
}
