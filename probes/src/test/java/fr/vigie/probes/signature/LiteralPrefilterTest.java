package fr.vigie.probes.signature;

import fr.vigie.config.SignatureConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralPrefilterTest {
    @Test
    void takesTheLiteralEachAlternativeStartsWith() {
        assertThat(LiteralPrefilter.of("disk (?:is )?full|\\bEIO\\b|read-only file ?system|504 Gateway Time-?out"
                + "|java\\.lang\\.[A-Za-z]+|ORA-0165[0-9]|ab+c").orElseThrow().starts())
                .containsExactly("disk ", "eio", "read-only file", "504 gateway time", "java.lang.", "ora-0165", "ab");
    }

    @Test
    void anAlternativeWithoutLiteralStartMeansTheExpressionAlwaysRuns() {
        assertThat(LiteralPrefilter.of("maintenance|(?:en|in) cours")).isEmpty();
        assertThat(LiteralPrefilter.of("[Ee]rreur")).isEmpty();
        assertThat(LiteralPrefilter.of("a?bc")).isEmpty();
        assertThat(LiteralPrefilter.of("\\d+ erreurs")).isEmpty();
        assertThat(LiteralPrefilter.of("(?i)panne")).isEmpty();
    }

    @Test
    void foldsCaseAsTheRegexEngineDoes() {
        LiteralPrefilter p = LiteralPrefilter.of("Système de fichiers|FILE").orElseThrow();
        assertThat(p.mayMatch(LiteralPrefilter.fold("le SYSTÈME DE FICHIERS est plein"))).isTrue();
        // U+0130 (capital I with a dot) matches i for Pattern's UNICODE_CASE, and for the fold too
        assertThat(p.mayMatch(LiteralPrefilter.fold("F\u0130LE"))).isTrue();
        assertThat(Pattern.compile("FILE", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("f\u0130le").find())
                .isTrue();
        assertThat(p.mayMatch(LiteralPrefilter.fold("tout va bien"))).isFalse();
    }

    /** The filter may let a text through that does not match, never stop one that does. */
    @Test
    void neverRulesOutATextTheShippedExpressionsMatch() {
        List<SignatureConfig> shipped = SignatureCatalogue.shipped().signatures();
        int filtered = 0;
        int matched = 0;
        Random random = new Random(7);
        String[] noise = {"<p>", "é", "È", " ", "x", "Accès ", "erreur", "\u0130", "ß", "’", "-", "."};
        for (SignatureConfig s : shipped) {
            Pattern regex = Pattern.compile(s.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            var filter = LiteralPrefilter.of(s.pattern());
            if (filter.isEmpty()) {
                continue;
            }
            filtered++;
            for (String alternative : LiteralPrefilter.topLevelAlternatives(s.pattern())) {
                String sample = sampleOf(alternative);
                for (int i = 0; i < 50; i++) {
                    String text = noise[random.nextInt(noise.length)] + mixCase(sample, random)
                            + noise[random.nextInt(noise.length)];
                    if (regex.matcher(text).find()) {
                        matched++;
                        assertThat(filter.get().mayMatch(LiteralPrefilter.fold(text))).as(s.id() + ": " + text).isTrue();
                    }
                }
            }
        }
        assertThat(filtered).as("shipped signatures with a literal filter").isGreaterThanOrEqualTo(10);
        assertThat(matched).as("generated texts the expressions match").isGreaterThan(3_000);
    }

    @Test
    void theCatalogueStillFindsWhatItFoundWithTheFilter() {
        SignatureCatalogue c = SignatureCatalogue.shipped();
        assertThat(c.match("<H1>504 GATEWAY TIMEOUT</H1>").orElseThrow().id()).isEqualTo("gateway_error");
        assertThat(c.match("Erreur d’entrée/sortie sur /dev/sda").orElseThrow().id()).isEqualTo("io_error");
        assertThat(c.match("<p>ACCÈS MOMENTANÉMENT INDISPONIBLE</p>").orElseThrow().id()).isEqualTo("waiting_room");
        assertThat(c.match("x".repeat(4000))).isEmpty();
    }

    /** A text that the alternative may match: its literal characters, with one choice for each operator. */
    private static String sampleOf(String alternative) {
        return alternative.replace("\\b", "").replace("(?:is )?", "is ").replace("(?:", "").replace(")?", "")
                .replace(")", "").replace("[eè]", "è").replace("['’]", "'").replace("[0-9]", "3")
                .replace("[A-Za-z]+", "Null").replace(".{1,80}", "prod").replace(".{1,40}", "users")
                .replace("[^<]{0,30} ", "").replace(" ?", " ").replace("-?", "-").replace("\\.", ".")
                .replace("\\|", "|").replace("\\(", "(").replace(" . ", " - ").replace("(?", "");
    }

    private static String mixCase(String s, Random random) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        }
        return out.toString();
    }
}
