package fr.vigie.config;

/**
 * A body signature: a pattern seen in real failure pages.
 *
 * @param id       stable id written in results ({@code disk_full}, {@code waiting_room}...)
 * @param category what it suggests: storage, saturation, attack, maintenance, gateway, application
 * @param pattern  Java regular expression, matched case-insensitively on a bounded body prefix
 */
public record SignatureConfig(String id, String category, String pattern) {
}
