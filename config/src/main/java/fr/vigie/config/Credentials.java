package fr.vigie.config;

/** A test account. Both values are secrets: masked in every {@code toString()}. */
public record Credentials(Secret username, Secret password) {
}
