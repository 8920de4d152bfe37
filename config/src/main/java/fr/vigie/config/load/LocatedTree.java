package fr.vigie.config.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree while remembering the line of every node
 * (Jackson's tree forgets locations, so the token stream is walked once by hand).
 * Duplicate keys in a mapping are reported instead of silently keeping the last one. Anchors, aliases
 * ({@code &common}, {@code *common}) and merge keys ({@code <<: *common}) are expanded, so that many
 * targets can share their common keys.
 */
final class LocatedTree {
    /** Aliases a file may use: a shared block per target is tens; a "billion laughs" needs many more. */
    static final int MAX_ALIASES = 1_000;
    /** Values the document may expand to with its aliases and merge keys (far above the shipped configurations). */
    static final long MAX_EXPANDED_NODES = 200_000;
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_ALIASES); // enforced by SnakeYAML where it composes; the Walker counts too
        o.setAllowDuplicateKeys(true); // reported by the Walker, with both lines
        return o;
    }

    private LocatedTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Parses YAML text; syntax errors and duplicate keys are added to {@code problems}. */
    public static LocatedTree parse(String text, Problems problems) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return new LocatedTree(MissingNode.getInstance(), lines);
            }
            Walker walker = new Walker(parser, lines, problems);
            JsonNode root = walker.read("");
            return new LocatedTree(root, lines);
        } catch (Refused e) {
            return new LocatedTree(MissingNode.getInstance(), lines);
        } catch (JsonProcessingException e) {
            MarkedYAMLException marked = marked(e);
            if (marked != null && marked.getProblemMark() != null) {
                problems.addAtLine("", marked.getProblemMark().getLine() + 1, YamlSyntax.explain(marked));
            } else {
                JsonLocation at = e.getLocation();
                problems.addAtLine("", at == null ? 0 : at.getLineNr(), "not valid YAML: "
                        + summary(e.getOriginalMessage()) + (at == null ? "" : " (column " + at.getColumnNr() + ")"));
            }
            return new LocatedTree(MissingNode.getInstance(), lines);
        } catch (IOException e) {
            problems.addAtLine("", 0, "cannot read YAML: " + e.getMessage());
            return new LocatedTree(MissingNode.getInstance(), lines);
        }
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    /** Thrown once a limit is reported: the rest of the document is not read. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** Counts aliases and expanded values across the whole document. */
    private static final class Budget {
        private final Problems problems;
        private int aliases;
        private long nodes;

        Budget(Problems problems) {
            this.problems = problems;
        }

        void node(String path, int line) {
            add(path, line, 1);
        }

        void alias(String path, int line, long size) {
            if (++aliases > MAX_ALIASES) {
                problems.addAtLine(path, line, "more than " + MAX_ALIASES + " aliases ('*name'): refused, as an alias"
                        + " bomb would be; share fewer blocks or write them out");
                throw new Refused();
            }
            add(path, line, size);
        }

        void add(String path, int line, long size) {
            nodes += size;
            if (nodes > MAX_EXPANDED_NODES) {
                problems.addAtLine(path, line, "the aliases and merge keys expand the document past "
                        + MAX_EXPANDED_NODES + " values: refused, as an alias bomb would be (anchors nested in"
                        + " anchors multiply)");
                throw new Refused();
            }
        }
    }

    /** SnakeYAML's message without its quoted source lines (they could hold a secret) and carets. */
    private static String summary(String message) {
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::trim).collect(java.util.stream.Collectors.joining("; "));
    }

    public JsonNode root() {
        return root;
    }

    /** Line of the node at {@code path}, or of its closest located ancestor; 0 when unknown. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = Paths.parent(p);
        }
    }

    /** Walks the token stream, building nodes and recording the line where each path starts. */
    private static final class Walker {
        private static final String MERGE_KEY = "<<";

        private final JsonParser parser;
        private final Map<String, Integer> lines;
        private final Problems problems;
        private final Map<String, JsonNode> anchors;
        /** values each anchor stands for, expansions included */
        private final Map<String, Long> sizes;
        private final Budget budget;

        Walker(JsonParser parser, Map<String, Integer> lines, Problems problems) {
            this(parser, lines, problems, new HashMap<>(), new HashMap<>(), new Budget(problems));
        }

        private Walker(JsonParser parser, Map<String, Integer> lines, Problems problems,
                       Map<String, JsonNode> anchors, Map<String, Long> sizes, Budget budget) {
            this.parser = parser;
            this.lines = lines;
            this.problems = problems;
            this.anchors = anchors;
            this.sizes = sizes;
            this.budget = budget;
        }

        JsonNode read(String path) throws IOException {
            lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
            if (yaml != null && yaml.isCurrentAlias()) {
                JsonNode anchored = anchors.get(parser.getText());
                if (anchored == null) {
                    problems.addAtLine(path, parser.currentTokenLocation().getLineNr(),
                            "unknown alias '*" + parser.getText() + "': define '&" + parser.getText() + "' before");
                    return NODES.nullNode();
                }
                // counted before copying: the copy is what an alias bomb multiplies
                budget.alias(path, parser.currentTokenLocation().getLineNr(), sizes.get(parser.getText()));
                return anchored.deepCopy();
            }
            String anchor = yaml == null ? null : yaml.getCurrentAnchor();
            long before = budget.nodes;
            JsonNode node = readValue(path);
            if (anchor != null) {
                anchors.put(anchor, node);
                sizes.put(anchor, budget.nodes - before);
            }
            return node;
        }

        private JsonNode readValue(String path) throws IOException {
            budget.node(path, parser.currentTokenLocation().getLineNr());
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> readObject(path);
                case START_ARRAY -> readArray(path);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> NODES.textNode(parser.getText());
            };
        }

        private ObjectNode readObject(String path) throws IOException {
            ObjectNode object = NODES.objectNode();
            java.util.Set<String> merged = new java.util.HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String childPath = Paths.key(path, key);
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                if (key.equals(MERGE_KEY)) {
                    merge(object, merged, read(childPath), childPath, keyLine);
                    continue;
                }
                if (merged.remove(key)) {
                    object.remove(key); // an explicit key overrides a merged one
                }
                if (object.has(key)) {
                    problems.addAtLine(childPath, keyLine, "duplicate key '" + key + "' (first at line "
                            + lines.get(childPath) + ")");
                    skipValue(childPath);
                    continue;
                }
                lines.put(childPath, keyLine);
                object.set(key, read(childPath));
            }
            return object;
        }

        /** {@code <<: *a} or {@code <<: [*a, *b]}: copies the keys not already set. */
        private void merge(ObjectNode object, java.util.Set<String> merged, JsonNode source, String path, int line) {
            for (JsonNode part : source.isArray() ? source : NODES.arrayNode().add(source)) {
                if (part.isNull()) {
                    continue; // an unknown alias, already reported
                }
                if (!part.isObject()) {
                    problems.addAtLine(path, line, "a merge key '<<' takes a mapping alias (<<: *common)");
                    continue;
                }
                part.fields().forEachRemaining(e -> {
                    if (!object.has(e.getKey())) {
                        budget.add(path, line, count(e.getValue()));
                        object.set(e.getKey(), e.getValue().deepCopy());
                        merged.add(e.getKey());
                    }
                });
            }
        }

        /** Values in a tree; stops early past the budget's bound (the caller refuses it then). */
        private static long count(JsonNode node) {
            long n = 1;
            for (JsonNode child : node) {
                n += count(child);
                if (n > MAX_EXPANDED_NODES) {
                    return n;
                }
            }
            return n;
        }

        private ArrayNode readArray(String path) throws IOException {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(Paths.index(path, index++)));
            }
            return array;
        }

        private void skipValue(String path) throws IOException {
            Map<String, Integer> scratch = new HashMap<>();
            new Walker(parser, scratch, problems, anchors, sizes, budget).read(path);
        }
    }
}
