package fr.vigie.simulator.physics;

/**
 * What each platform's front answers when its pool is full (the request cannot even queue), with the texts the
 * probes' signature catalogue knows (ent-landscape.md): entcore's admission control serves its waiting page with a
 * 200 ("tooload"); Kosmos "accès à l'ENT temporairement restreint" (503); the CAS platforms sit behind Varnish
 * ("Error 503 Backend fetch failed"); the others answer a bare 503.
 */
final class FrontEnd {
    private FrontEnd() {
    }

    static void rejected(PhysicsTarget target, TraceLine line) {
        switch (target.family()) {
            case "open-ent-ng" -> line.fail("signature", 200, "waiting_room", "saturation: tooload");
            case "kosmos" -> line.fail("signature", 503, "waiting_room",
                    "saturation: accès à l'ENT temporairement restreint");
            case "cas" -> line.fail("signature", 503, "gateway_error", "gateway: Backend fetch failed");
            default -> line.fail("http_error", 503, null, "HTTP 503");
        }
    }
}
