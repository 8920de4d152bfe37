package fr.vigie.probes.run;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.net.URI;

/** One HTTP request ready to send: absolute URL, extra headers and an optional body. */
record PreparedRequest(HttpMethod method, URI url, MultiMap headers, Buffer body) {

    /** The request a redirect leads to: 303 (and 301/302 after a POST, as browsers do) become a GET. */
    PreparedRequest redirectTo(URI location, int status) {
        boolean keepMethod = status == 307 || status == 308;
        if (keepMethod) {
            return new PreparedRequest(method, location, headers, body);
        }
        MultiMap h = MultiMap.caseInsensitiveMultiMap().addAll(headers);
        h.remove("Content-Type");
        return new PreparedRequest(HttpMethod.GET, location, h, null);
    }
}
