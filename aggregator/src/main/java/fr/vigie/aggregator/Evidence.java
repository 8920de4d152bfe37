package fr.vigie.aggregator;

/**
 * One measured fact that supports a verdict, as a short sentence in French and in English,
 * e.g. "temps de réponse médian 4,2 s, 14 fois l'habitude".
 */
public record Evidence(String fr, String en) {
    public String in(String language) {
        return "en".equals(language) ? en : fr;
    }
}
