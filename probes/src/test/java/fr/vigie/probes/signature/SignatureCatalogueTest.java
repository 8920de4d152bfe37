package fr.vigie.probes.signature;

import fr.vigie.config.SignatureConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureCatalogueTest {
    final SignatureCatalogue catalogue = SignatureCatalogue.shipped();

    String id(String body) {
        return catalogue.match(body).map(SignatureMatch::id).orElse(null);
    }

    @Test
    void recognisesRealFailurePages() {
        assertThat(id("<pre>ERROR: could not write block: No space left on device</pre>")).isEqualTo("disk_full");
        assertThat(id("java.io.IOException: Input/output error")).isEqualTo("io_error");
        assertThat(id("EROFS: Read-only file system, open '/data/x'")).isEqualTo("read_only_fs");
        assertThat(id("ERROR: could not extend file \"base/16384/2619\"")).isEqualTo("db_cannot_extend");
        assertThat(id("<title>Just a moment...</title><div id=cf-browser-verification>")).isEqualTo("waf_challenge");
        assertThat(id("<h1>429 Too Many Requests</h1>")).isEqualTo("rate_limited");
        assertThat(id("<p>Accès à l'ENT temporairement restreint</p>")).isEqualTo("waiting_room");
        assertThat(id("Accès momentanément indisponible")).isEqualTo("waiting_room");
        assertThat(id("À situation exceptionnelle, mesures exceptionnelles")).isEqualTo("waiting_room");
        assertThat(id("Le site est en cours de maintenance")).isEqualTo("maintenance");
        assertThat(id("<h1>Error 503 Backend fetch failed</h1><p>Guru Meditation:</p>")).isEqualTo("gateway_error");
        assertThat(id("<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>")).isEqualTo("gateway_error");
        assertThat(id("<h1>504 Gateway Time-out</h1>")).isEqualTo("gateway_error");
        assertThat(id("<html><body><div id=\"timeline\">Bonjour</div></body></html>")).isNull();
    }

    @Test
    void readsTheOpenEntNgQueuePage() {
        String page = "<img src=\"/assets/themes/tooload.svg\"><h1>Vous êtes très nombreux aujourd'hui</h1>"
                + "<p>Position dans la file d'attente : 1234</p><p>Temps d'attente estimé : 180 secondes</p>";
        SignatureMatch m = catalogue.match(page).orElseThrow();
        assertThat(m.id()).isEqualTo("waiting_room");
        assertThat(m.category()).isEqualTo("saturation");
        assertThat(m.queuePosition()).isEqualTo(1234);
        assertThat(m.queueWaitS()).isEqualTo(180);
        assertThat(catalogue.match("Vous êtes très nombreux, merci d'attendre 3 minutes").orElseThrow().queueWaitS())
                .isEqualTo(180);
    }

    @Test
    void looksOnlyAtTheBoundedPrefix() {
        byte[] late = ("x".repeat(SignatureCatalogue.PREFIX_BYTES) + "No space left on device")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(catalogue.match(late, late.length)).isEmpty();
        byte[] early = "No space left on device".getBytes(StandardCharsets.UTF_8);
        assertThat(catalogue.match(early, early.length)).isPresent();
    }

    @Test
    void configSignaturesComeFirstAndOverrideShippedIds() {
        SignatureCatalogue c = SignatureCatalogue.withExtras(List.of(
                new SignatureConfig("academie_banner", "maintenance", "fermeture exceptionnelle"),
                new SignatureConfig("disk_full", "storage", "quota disque atteint")));
        assertThat(c.match("Fermeture exceptionnelle du service").orElseThrow().id()).isEqualTo("academie_banner");
        assertThat(c.match("Quota disque atteint").orElseThrow().id()).isEqualTo("disk_full");
        assertThat(c.match("No space left on device")).isEmpty();
        assertThat(c.signatures()).extracting(SignatureConfig::id).startsWith("academie_banner", "disk_full")
                .contains("waiting_room", "gateway_error");
    }
}
