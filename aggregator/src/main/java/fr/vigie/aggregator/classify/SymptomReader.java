package fr.vigie.aggregator.classify;

import fr.vigie.config.SignatureConfig;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.signature.SignatureCatalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@link Symptom} of one step result from its outcome, HTTP status and body signature. */
final class SymptomReader {
    private final Map<String, String> categoryById = new HashMap<>();

    SymptomReader(List<SignatureConfig> extraSignatures) {
        for (SignatureConfig s : SignatureCatalogue.withExtras(extraSignatures).signatures()) {
            categoryById.put(s.id(), s.category());
        }
    }

    Symptom of(StepResult r) {
        return switch (r.outcome()) {
            case OK -> Symptom.OK;
            case SKIPPED, LOGIN_REJECTED, INTERNAL_ERROR -> Symptom.NEUTRAL;
            case DNS_FAILURE, CONNECT_REFUSED, TLS_FAILURE -> Symptom.NETWORK;
            case CONNECT_TIMEOUT -> Symptom.UNREACHABLE;
            case RESET -> Symptom.CONNECTION_LOST;
            case RESPONSE_TIMEOUT -> Symptom.SATURATION;
            case ASSERTION_FAILED, TOO_LARGE, REDIRECT_LOOP, PROTOCOL_ERROR -> Symptom.APPLICATION;
            case HTTP_ERROR -> ofHttpStatus(r.status());
            case SIGNATURE -> ofSignature(r.signature(), r.status());
        };
    }

    private static Symptom ofHttpStatus(Integer status) {
        if (status == null) {
            return Symptom.APPLICATION;
        }
        return switch (status) {
            case 429, 502, 503, 504 -> Symptom.SATURATION;
            case 507 -> Symptom.STORAGE;
            default -> Symptom.APPLICATION;
        };
    }

    private Symptom ofSignature(String id, Integer status) {
        if (id == null) {
            return ofHttpStatus(status);
        }
        String category = categoryById.getOrDefault(id, guessCategory(id));
        return switch (category) {
            case "storage" -> Symptom.STORAGE;
            case "attack" -> Symptom.ATTACK;
            case "saturation", "gateway" -> Symptom.SATURATION;
            case "maintenance" -> Symptom.MAINTENANCE;
            default -> Symptom.APPLICATION;
        };
    }

    /** For ids outside the catalogue (older traces, simulator variants). */
    private static String guessCategory(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        if (s.matches(".*(disk|space|io_|read_only|readonly|extend|storage).*")) return "storage";
        if (s.matches(".*(waf|challenge|ddos|captcha).*")) return "attack";
        if (s.matches(".*(wait|queue|quota|rate|gateway|backend|overload|tooload).*")) return "saturation";
        if (s.contains("maint")) return "maintenance";
        return "application";
    }
}
