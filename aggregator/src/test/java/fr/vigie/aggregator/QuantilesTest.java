package fr.vigie.aggregator;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The one quantile definition: Hyndman and Fan type 7, as R's default and Commons Math's R_7. */
class QuantilesTest {
    @Test
    void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertThat(Quantiles.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Quantiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Quantiles.median(new double[] {0.1, 0.3})).isEqualTo((0.1 + 0.3) / 2);
        assertThat(Quantiles.median(new double[] {})).isNaN();
    }

    @Test
    void quantilesInterpolateBetweenTheClosestRanksAsR() {
        double[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        // R: quantile(1:10, c(0, .25, .9, .95, 1)) -> 1, 3.25, 9.1, 9.55, 10
        assertThat(Quantiles.of(oneToTen, 0)).isEqualTo(1);
        assertThat(Quantiles.of(oneToTen, 0.25)).isCloseTo(3.25, within(1e-12));
        assertThat(Quantiles.of(oneToTen, 0.9)).isCloseTo(9.1, within(1e-12));
        assertThat(Quantiles.of(oneToTen, 0.95)).isCloseTo(9.55, within(1e-12));
        assertThat(Quantiles.of(oneToTen, 1)).isEqualTo(10);
        assertThat(Quantiles.of(new double[] {42}, 0.99)).isEqualTo(42);
        assertThatThrownBy(() -> Quantiles.of(oneToTen, 95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithCommonsMathR7() {
        Random random = new Random(16);
        for (int n = 1; n < 60; n++) {
            double[] values = random.doubles(n, 0, 5_000).toArray();
            for (double q : new double[] {0.01, 0.25, 0.5, 0.9, 0.95, 0.99}) {
                double expected = new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, q * 100);
                assertThat(Quantiles.of(values, q)).as("n=%d q=%s", n, q).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void medianOfDurationsToTheNanosecond() {
        assertThat(Quantiles.median(List.of(Duration.ofSeconds(50), Duration.ofSeconds(10), Duration.ofSeconds(40),
                Duration.ofSeconds(20)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantiles.median(List.of(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
        assertThat(Quantiles.median(List.<Duration>of())).isNull();
    }
}
