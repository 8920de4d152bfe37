package fr.vigie.probes.signature;

/**
 * A body that matched a signature.
 *
 * @param id            signature id written in results ({@code waiting_room})
 * @param category      storage, saturation, attack, maintenance, gateway or application
 * @param excerpt       the matched text, cut to a few dozen characters
 * @param queuePosition position announced by a waiting-room page, or null
 * @param queueWaitS    announced wait in seconds, or null
 */
public record SignatureMatch(String id, String category, String excerpt, Integer queuePosition, Integer queueWaitS) {
}
