package fr.vigie.config;

import java.util.List;
import java.util.Map;

/**
 * One step of a journey. Exactly one action is set: {@code get}, {@code post} or {@code submitForm}.
 * Strings may use template variables: {@code {{vars.X}}}, {@code {{extracted.X}}},
 * {@code {{cookie.NAME}}}, {@code {{credentials.username}}}, {@code {{credentials.password}}},
 * {@code {{target.baseUrl}}}.
 *
 * @param name            short name, unique within the journey ("login-page")
 * @param kind            static, page, login, api or write
 * @param get             path or absolute URL to GET
 * @param post            a POST with a form or JSON body
 * @param submitForm      fill and submit a form found on the previous page
 * @param followRedirects follow redirects (bounded by probing.maxRedirects); default true
 * @param headers         extra request headers, templated
 * @param expect          assertions on the response; failing one gives {@code assertion_failed}
 * @param extract         variables to extract for later steps
 * @param needsLogin      true for steps that only make sense logged in: skipped when the target has no credentials
 */
public record Step(String name, StepKind kind, String get, PostAction post, SubmitFormAction submitForm,
                   boolean followRedirects, Map<String, String> headers, Expect expect,
                   Map<String, Extract> extract, boolean needsLogin) {
    public Step {
        headers = Map.copyOf(headers);
        extract = Map.copyOf(extract);
    }

    /**
     * A POST.
     *
     * @param url  path or absolute URL
     * @param form form fields (application/x-www-form-urlencoded), templated; or null
     * @param json JSON body as text, templated; or null
     */
    public record PostAction(String url, Map<String, String> form, String json) {
        public PostAction {
            form = form == null ? null : Map.copyOf(form);
        }
    }

    /**
     * Pick a form on the previous page by CSS selector, keep its hidden fields (CAS lt/execution,
     * CSRF tokens, SAMLResponse/RelayState), fill {@code fields}, and post it to the form's action.
     *
     * @param selector CSS selector of the form, e.g. {@code form#fm1}
     * @param fields   values to set, templated
     */
    public record SubmitFormAction(String selector, Map<String, String> fields) {
        public SubmitFormAction {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * Assertions; null or empty members are not checked.
     *
     * @param status      accepted status codes (default: 200-399)
     * @param text        text that must be present in the body
     * @param notText     text that must be absent
     * @param selector    CSS selector that must match
     * @param jsonPointer JSON pointer to expected value (as text)
     * @param loginRejectedText body text meaning "wrong credentials" (gives {@code login_rejected})
     */
    public record Expect(List<Integer> status, String text, String notText, String selector,
                         Map<String, String> jsonPointer, String loginRejectedText) {
        public Expect {
            status = status == null ? List.of() : List.copyOf(status);
            jsonPointer = jsonPointer == null ? Map.of() : Map.copyOf(jsonPointer);
        }

        public static Expect none() {
            return new Expect(List.of(), null, null, null, Map.of(), null);
        }
    }

    /** Exactly one of css (with optional attr), regex (first group) or jsonPointer. */
    public record Extract(String css, String attr, String regex, String jsonPointer) {
    }
}
