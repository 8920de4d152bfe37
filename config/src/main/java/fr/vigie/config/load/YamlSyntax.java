package fr.vigie.config.load;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.Locale;

/**
 * A YAML syntax error in words an operator acts on: where (column; the line goes with the error), what is wrong
 * and what was expected, instead of SnakeYAML's parser states ("expected &lt;block end&gt;"). Never quotes the
 * file's text (a line may hold a secret).
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    static String explain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String p = problem.toLowerCase(Locale.ROOT);
        String c = context.toLowerCase(Locale.ROOT);
        String where = "YAML syntax error at column " + (e.getProblemMark().getColumn() + 1) + ": ";
        String opened = opened(e.getContextMark());
        if (p.contains("'\\t'") || p.contains("\t") || p.contains("tab")) {
            return where + "a tab character; YAML indents with spaces only";
        }
        if (c.contains("flow sequence")) {
            return where + "the list opened with '['" + opened + " is not closed: expected ',' or ']'";
        }
        if (c.contains("flow mapping")) {
            return where + "the mapping opened with '{'" + opened + " is not closed: expected ',' or '}'";
        }
        if (c.contains("quoted scalar")) {
            return where + "the quoted text opened" + opened + " is never closed: expected its closing quote";
        }
        if (p.contains("mapping values are not allowed")) {
            return where + "a ': ' inside a value: put the value in quotes, or start a mapping on a new line";
        }
        if (c.contains("block mapping") || c.contains("block collection") || p.contains("<block end>")) {
            return where + "this line's indentation does not match the keys above it (the block starts"
                    + opened + "): indent it like its siblings, with spaces";
        }
        if (c.contains("simple key")) {
            return where + "a key without its ':' (expected 'key: value')";
        }
        if (c.contains("anchor") || c.contains("alias")) {
            return where + "an anchor or alias name ('&name', '*name') with characters YAML does not allow";
        }
        return where + words(problem) + (context.isEmpty() ? "" : " (" + words(context) + ")");
    }

    private static String opened(Mark mark) {
        return mark == null ? "" : " on line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** The parser's token names in words. */
    private static String words(String s) {
        return s.replace("<block end>", "the end of the block").replace("<block mapping start>", "a mapping")
                .replace("<block sequence start>", "a list").replace("<scalar>", "a value")
                .replace("<stream end>", "the end of the file").replace("<document start>", "'---'")
                .replaceAll("\\s+", " ").trim();
    }
}
