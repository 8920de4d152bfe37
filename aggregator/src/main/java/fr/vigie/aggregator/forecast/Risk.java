package fr.vigie.aggregator.forecast;

/** The forecast's verdict for one morning, in the words the page uses. */
public enum Risk {
    LOW("faible"), MODERATE("modéré"), HIGH("élevé"), UNKNOWN("inconnu");

    private final String french;

    Risk(String french) {
        this.french = french;
    }

    public String french() {
        return french;
    }
}
