package fr.vigie.probes.run;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.config.Step;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.signature.SignatureCatalogue;
import fr.vigie.probes.signature.SignatureMatch;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a complete response against the step's expectations, in this order: the platform's own
 * "wrong credentials" text ({@code login_rejected}); an unexpected status ({@code signature} if the body
 * matches one, else {@code http_error}); a failed expectation ({@code signature} if matched, else
 * {@code assertion_failed}); a 2xx/3xx the step did not check the content of but whose body matches a
 * signature (waiting rooms answer 200); then extraction. A page that passed a content check is the real page,
 * so it is not searched for signatures (a timeline may quote "file d'attente"). Only bodies that can be failure
 * pages are searched (see {@link #mayBeFailurePage}).
 */
final class ResponseJudge {
    private final SignatureCatalogue signatures;

    ResponseJudge(SignatureCatalogue signatures) {
        this.signatures = signatures;
    }

    /** @param contentType the response's Content-Type, or null */
    Verdict judge(Step step, int status, String contentType, PageBody body, Map<String, String> extractedOut) {
        boolean searchable = mayBeFailurePage(contentType);
        Step.Expect e = step.expect() == null ? Step.Expect.none() : step.expect();
        if (e.loginRejectedText() != null && body.contains(e.loginRejectedText())) {
            return Verdict.of(Outcome.LOGIN_REJECTED, "the platform rejected the test account's credentials");
        }
        boolean statusOk = e.status().isEmpty() ? status >= 200 && status < 400 : e.status().contains(status);
        if (!statusOk) {
            return signature(body, searchable).orElse(Verdict.of(Outcome.HTTP_ERROR, "HTTP " + status));
        }
        String failed = firstFailedExpectation(e, body);
        if (failed != null) {
            return signature(body, searchable).orElse(Verdict.of(Outcome.ASSERTION_FAILED, failed));
        }
        boolean contentChecked = e.text() != null || e.selector() != null || !e.jsonPointer().isEmpty();
        if (!contentChecked) {
            Optional<Verdict> sig = signature(body, searchable);
            if (sig.isPresent()) {
                return sig.get();
            }
        }
        for (Map.Entry<String, Step.Extract> x : step.extract().entrySet()) {
            Optional<String> value = extract(x.getValue(), body);
            if (value.isEmpty()) {
                return Verdict.of(Outcome.ASSERTION_FAILED, "nothing to extract for " + x.getKey());
            }
            extractedOut.put(x.getKey(), value.get());
        }
        return Verdict.of(Outcome.OK, null);
    }

    private Optional<Verdict> signature(PageBody body, boolean searchable) {
        return searchable ? signatures.match(body.text()).map(ResponseJudge::fromMatch) : Optional.empty();
    }

    /**
     * Failure pages are HTML, text, JSON or XML (or untyped); a stylesheet, script, image or font body is the
     * asset itself, and scanning 40 KB of CSS for signatures would only cost CPU (and risk false matches).
     */
    static boolean mayBeFailurePage(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        return t.contains("html") || t.startsWith("text/plain") || t.contains("json") || t.contains("xml");
    }

    private static Verdict fromMatch(SignatureMatch m) {
        return new Verdict(Outcome.SIGNATURE, m.id(), m.queuePosition(), m.queueWaitS(),
                m.category() + ": " + m.excerpt());
    }

    private static String firstFailedExpectation(Step.Expect e, PageBody body) {
        if (e.text() != null && !body.contains(e.text())) {
            return "expected text not found: " + e.text();
        }
        if (e.notText() != null && body.contains(e.notText())) {
            return "unexpected text present: " + e.notText();
        }
        if (e.selector() != null && body.html().selectFirst(e.selector()) == null) {
            return "expected element not found: " + e.selector();
        }
        for (Map.Entry<String, String> p : e.jsonPointer().entrySet()) {
            Optional<JsonNode> json = body.json();
            if (json.isEmpty()) {
                return "body is not JSON (expected " + p.getKey() + ")";
            }
            JsonNode at = json.get().at(p.getKey());
            if (at.isMissingNode() || !at.asText().equals(p.getValue())) {
                return "JSON " + p.getKey() + " is not " + p.getValue();
            }
        }
        return null;
    }

    static Optional<String> extract(Step.Extract x, PageBody body) {
        if (x.css() != null) {
            var el = body.html().selectFirst(x.css());
            if (el == null) {
                return Optional.empty();
            }
            return Optional.of(x.attr() == null || x.attr().isEmpty() ? el.text() : el.attr(x.attr()));
        }
        if (x.regex() != null) {
            Matcher m = Pattern.compile(x.regex()).matcher(body.text());
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(m.groupCount() >= 1 ? m.group(1) : m.group());
        }
        if (x.jsonPointer() != null) {
            return body.json().map(j -> j.at(x.jsonPointer())).filter(n -> !n.isMissingNode()).map(JsonNode::asText);
        }
        return Optional.empty();
    }
}
