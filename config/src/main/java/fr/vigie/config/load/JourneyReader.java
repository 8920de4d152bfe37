package fr.vigie.config.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.Journey;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads journeys and their steps, the same way for the shipped templates and the config's own. */
final class JourneyReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_RANGE = Pattern.compile("(\\d{3})\\s*-\\s*(\\d{3})");

    private JourneyReader() {
    }

    static Map<String, Journey> journeys(Node section) {
        Map<String, Journey> journeys = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> {
            Journey journey = journey(name, node);
            if (journey != null) {
                journeys.put(name, journey);
            }
        });
        return journeys;
    }

    static Journey journey(String name, Node node) {
        if (!node.mapping("description", "steps")) {
            if (!node.present()) { // a wrong type was reported by mapping()
                node.error("expected a mapping with description and steps");
            }
            return null;
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Set<String> extracted = new HashSet<>();
        if (node.get("steps").required() && node.get("steps").items().isEmpty() && node.get("steps").json().isArray()) {
            node.get("steps").error("a journey needs at least one step");
        }
        for (Node stepNode : node.get("steps").items()) {
            Step step = step(stepNode, extracted);
            if (step == null) {
                continue;
            }
            String first = names.putIfAbsent(step.name(), stepNode.path());
            if (first != null) {
                stepNode.get("name").error("duplicate step name '" + step.name() + "' in journey '" + name
                        + "' (first at " + first + ")");
            }
            extracted.addAll(step.extract().keySet());
            steps.add(step);
        }
        return new Journey(name, node.get("description").text(""), steps);
    }

    private static Step step(Node node, Set<String> extractedBefore) {
        if (!node.mapping("name", "kind", "get", "post", "submit-form", "follow-redirects", "headers", "expect",
                "extract", "needs-login")) {
            if (!node.present()) { // a wrong type was reported by mapping()
                node.error("expected a step mapping (name, kind, get | post | submit-form ...)");
            }
            return null;
        }
        String name = node.get("name").requiredText();
        StepKind kind = node.get("kind").required() ? node.get("kind").choice(StepKind.class) : null;
        List<String> actions = new ArrayList<>();
        for (String action : List.of("get", "post", "submit-form")) {
            if (node.get(action).present()) {
                actions.add(action);
            }
        }
        if (actions.size() != 1) {
            node.error("a step needs exactly one action: get, post or submit-form (found "
                    + (actions.isEmpty() ? "none" : String.join(", ", actions)) + ")");
        }
        boolean needsLogin = node.get("needs-login").bool(false);
        Step step = new Step(name, kind, node.get("get").text(), post(node.get("post")),
                submitForm(node.get("submit-form")),
                node.get("follow-redirects").bool(Defaults.FOLLOW_REDIRECTS), node.get("headers").textMap(),
                expect(node.get("expect")), extract(node.get("extract")), needsLogin);
        checkVariables(node, step, extractedBefore);
        checkCredentialsStayInBodies(node, step);
        return step;
    }

    /** URLs and headers are logged, traced and shown in errors: the test account goes in request bodies only. */
    private static void checkCredentialsStayInBodies(Node node, Step step) {
        List<String> exposed = new ArrayList<>();
        if (step.get() != null) {
            exposed.add(step.get());
        }
        if (step.post() != null && step.post().url() != null) {
            exposed.add(step.post().url());
        }
        exposed.addAll(step.headers().values());
        for (String s : exposed) {
            for (String ref : Templates.references(s)) {
                if (ref.startsWith("credentials.")) {
                    node.error("{{" + ref + "}} may only be used in a request body (form, json or submit-form"
                            + " fields), never in a URL or a header");
                    return;
                }
            }
        }
    }

    private static void checkVariables(Node node, Step step, Set<String> extractedBefore) {
        for (String s : Templates.strings(step)) {
            for (String ref : Templates.references(s)) {
                if (!Templates.isKnown(ref)) {
                    node.error("unknown template variable '{{" + ref + "}}': use vars.NAME, extracted.NAME, cookie.NAME,"
                            + " credentials.username, credentials.password or target.baseUrl");
                } else if (ref.startsWith("credentials.") && !step.needsLogin()) {
                    node.error("step uses {{" + ref + "}} but is not marked needs-login: true");
                } else if (ref.startsWith("extracted.") && !extractedBefore.contains(ref.substring(10))) {
                    node.error("{{" + ref + "}} is not extracted by an earlier step");
                }
            }
        }
    }

    private static Step.PostAction post(Node node) {
        if (!node.mapping("url", "form", "json")) {
            return null;
        }
        String url = node.get("url").requiredText();
        if (node.get("form").present() && node.get("json").present()) {
            node.error("a post has either 'form' or 'json', not both");
        }
        Map<String, String> form = node.get("form").present() ? node.get("form").textMap() : null;
        return new Step.PostAction(url, form, json(node.get("json")));
    }

    /** JSON body: a text, or a YAML mapping/list written out as JSON. */
    private static String json(Node node) {
        if (!node.present()) {
            return null;
        }
        if (node.json().isValueNode()) {
            String text = node.text();
            if (text != null) {
                try {
                    JSON.readTree(text.replaceAll("\\{\\{[^}]*}}", "0"));
                } catch (JsonProcessingException e) {
                    node.error("not valid JSON: " + e.getOriginalMessage());
                }
            }
            return text;
        }
        try {
            return JSON.writeValueAsString(node.json());
        } catch (JsonProcessingException e) {
            node.error("cannot write as JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static Step.SubmitFormAction submitForm(Node node) {
        if (!node.mapping("selector", "fields")) {
            return null;
        }
        String selector = css(node.get("selector"), node.get("selector").requiredText());
        return new Step.SubmitFormAction(selector == null ? "form" : selector, node.get("fields").textMap());
    }

    private static Step.Expect expect(Node node) {
        if (!node.mapping("status", "text", "not-text", "selector", "json-pointer", "login-rejected-text")) {
            return Step.Expect.none();
        }
        Map<String, String> pointers = node.get("json-pointer").textMap();
        pointers.keySet().stream().filter(p -> !p.isEmpty() && !p.startsWith("/")).forEach(p ->
                node.get("json-pointer").get(p).error("bad JSON pointer '" + p + "': it starts with '/'"));
        return new Step.Expect(statuses(node.get("status")), node.get("text").text(), node.get("not-text").text(),
                css(node.get("selector"), node.get("selector").text()), pointers,
                node.get("login-rejected-text").text());
    }

    /** Reports a selector jsoup cannot parse; returns it unchanged. */
    private static String css(Node node, String selector) {
        String bad = selector == null ? null : Checks.cssSelector(selector);
        if (bad != null) {
            node.error(bad);
        }
        return selector;
    }

    /** Status codes: 302, a range "200-399", or a list of both. */
    private static List<Integer> statuses(Node node) {
        List<Integer> codes = new ArrayList<>();
        if (!node.present()) {
            return codes;
        }
        List<Node> parts = node.json().isArray() ? node.items() : List.of(node);
        for (Node part : parts) {
            String text = part.text();
            if (text == null) {
                continue;
            }
            var range = STATUS_RANGE.matcher(text.trim());
            int from;
            int to;
            if (range.matches()) {
                from = Integer.parseInt(range.group(1));
                to = Integer.parseInt(range.group(2));
            } else if (text.trim().matches("\\d{3}")) {
                from = Integer.parseInt(text.trim());
                to = from;
            } else {
                part.error("bad status '" + text + "': expected a code (302), a range (200-399) or a list of them");
                continue;
            }
            if (from < 100 || to > 599 || from > to) {
                part.error("bad status '" + text + "': codes go from 100 to 599, low to high");
                continue;
            }
            for (int code = from; code <= to; code++) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Map<String, Step.Extract> extract(Node section) {
        Map<String, Step.Extract> extracts = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> {
            if (!node.mapping("css", "attr", "regex", "json-pointer")) {
                if (!node.present()) { // a wrong type was reported by mapping()
                    node.error("expected a mapping with one of css, regex or json-pointer");
                }
                return;
            }
            String css = css(node.get("css"), node.get("css").text());
            String regex = node.get("regex").text();
            String pointer = node.get("json-pointer").text();
            long set = java.util.stream.Stream.of(css, regex, pointer).filter(s -> s != null).count();
            if (set != 1) {
                node.error("an extract needs exactly one of css, regex or json-pointer");
            }
            if (node.get("attr").present() && css == null) {
                node.get("attr").error("'attr' only applies with 'css'");
            }
            if (regex != null) {
                try {
                    if (Pattern.compile(regex).matcher("").groupCount() < 1) {
                        node.get("regex").error("the regex needs a capturing group: its first group is extracted");
                    }
                } catch (PatternSyntaxException e) {
                    node.get("regex").error("bad regular expression: " + e.getDescription());
                }
            }
            if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
                node.get("json-pointer").error("bad JSON pointer '" + pointer + "': it starts with '/'");
            }
            extracts.put(name, new Step.Extract(css, node.get("attr").text(), regex, pointer));
        });
        return extracts;
    }
}
