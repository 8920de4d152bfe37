package fr.vigie.statuspage.model;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {
    /** The same text as String.format("%.1f"), which it replaces, on values a site holds and on halves. */
    @Test
    void writesWhatStringFormatWrote() {
        Random random = new Random(3);
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextInt(4) == 0 ? -1 : 1) * random.nextDouble() * 1000;
            if (i % 3 == 0) {
                v = Math.round(v * 20) / 20.0; // x.x5 exactly where a double can say it
            }
            for (Locale locale : new Locale[]{Locale.ROOT, Locale.FRENCH, Locale.ENGLISH}) {
                assertThat(Decimals.oneDecimal(v, locale)).as("%s in %s", v, locale)
                        .isEqualTo(String.format(locale, "%.1f", v));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(600_000);
        assertThat(Decimals.oneDecimal(99.25, Locale.FRENCH)).isEqualTo("99,3");
        assertThat(Decimals.oneDecimal(0.04)).isEqualTo("0.0");
        assertThat(Decimals.oneDecimal(-0.04)).isEqualTo("-0.0");
    }
}
