package fr.vigie.probes.run;

import fr.vigie.config.Step;
import fr.vigie.probes.Outcome;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Turns a step (get, post or submit-form) and the journey state into the first request of the step. */
final class RequestFactory {
    /**
     * Fields a form may carry (a CAS or SAML login page has under 20). A page with more is refused before jsoup
     * builds the form data, whose cost grows faster than the number of fields: 100,000 hidden inputs took 12.7 s.
     */
    static final int MAX_FORM_FIELDS = 1_000;

    private RequestFactory() {
    }

    /** Whether building the step's request parses a page (then it runs on a worker, never an event loop). */
    static boolean parsesAPage(Step step) {
        return step.get() == null && step.post() == null && step.submitForm() != null;
    }

    static PreparedRequest build(Step step, JourneyState state) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        step.headers().forEach((k, v) -> headers.add(k, Templates.render(v, state, false)));
        if (step.get() != null) {
            return new PreparedRequest(HttpMethod.GET, resolve(state, Templates.render(step.get(), state, false)),
                    headers, null);
        }
        if (step.post() != null) {
            return post(step.post(), state, headers);
        }
        if (step.submitForm() != null) {
            return submitForm(step.submitForm(), state, headers);
        }
        throw new StepFailure(Outcome.ASSERTION_FAILED, "step has no action (get, post or submitForm)");
    }

    private static PreparedRequest post(Step.PostAction post, JourneyState state, MultiMap headers) {
        URI url = resolve(state, Templates.render(post.url(), state, false));
        if (post.json() != null) {
            headers.set("Content-Type", "application/json");
            return new PreparedRequest(HttpMethod.POST, url, headers,
                    Buffer.buffer(Templates.render(post.json(), state, true)));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (post.form() != null) {
            post.form().forEach((k, v) -> fields.put(k, Templates.render(v, state, true)));
        }
        headers.set("Content-Type", "application/x-www-form-urlencoded");
        return new PreparedRequest(HttpMethod.POST, url, headers, Buffer.buffer(urlEncode(fields)));
    }

    /** Keeps the form's own fields (hidden CAS lt/execution, CSRF, SAMLResponse), overrides the given ones. */
    private static PreparedRequest submitForm(Step.SubmitFormAction submit, JourneyState state, MultiMap headers) {
        JourneyState.Page page = state.lastPage()
                .orElseThrow(() -> new StepFailure(Outcome.ASSERTION_FAILED, "submit-form without a previous page"));
        Document doc = page.document();
        Element found = doc.selectFirst(submit.selector());
        if (!(found instanceof FormElement form)) {
            throw new StepFailure(Outcome.ASSERTION_FAILED, "form " + submit.selector() + " not found on previous page");
        }
        // counted on the whole page, linearly: jsoup attaches fields outside the <form> tag to it too
        int controls = doc.getElementsByTag("input").size() + doc.getElementsByTag("select").size()
                + doc.getElementsByTag("textarea").size() + doc.getElementsByTag("button").size();
        if (controls > MAX_FORM_FIELDS) {
            throw new StepFailure(Outcome.ASSERTION_FAILED, "form " + submit.selector() + " refused: the page has "
                    + controls + " form fields, more than " + MAX_FORM_FIELDS);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        submit.fields().forEach((k, v) -> fields.put(k, Templates.render(v, state, true)));
        String action = form.attr("action").isBlank() ? page.url().toString() : form.absUrl("action");
        if (action.isEmpty()) {
            throw new StepFailure(Outcome.ASSERTION_FAILED, "form " + submit.selector() + " has an unusable action");
        }
        URI url = URI.create(action);
        String body = urlEncode(fields);
        if (form.attr("method").toLowerCase(Locale.ROOT).equals("post")) {
            headers.set("Content-Type", "application/x-www-form-urlencoded");
            return new PreparedRequest(HttpMethod.POST, url, headers, Buffer.buffer(body));
        }
        String sep = url.getRawQuery() == null ? "?" : "&";
        return new PreparedRequest(HttpMethod.GET, URI.create(action + sep + body), headers, null);
    }

    static URI resolve(JourneyState state, String pathOrUrl) {
        try {
            URI base = URI.create(state.target().baseUrl());
            URI url = base.resolve(pathOrUrl);
            if (url.getHost() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new StepFailure(Outcome.ASSERTION_FAILED, "not an http(s) URL: " + pathOrUrl);
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new StepFailure(Outcome.ASSERTION_FAILED, "bad URL: " + pathOrUrl);
        }
    }

    private static String urlEncode(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
