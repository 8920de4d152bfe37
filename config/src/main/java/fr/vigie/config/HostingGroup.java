package fr.vigie.config;

/**
 * What the public and the crisis cell read about a hosting group (the {@code hosting-group} of targets).
 *
 * @param id   the group as targets name it ({@code ovh-sbg})
 * @param name readable name ("OVHcloud Strasbourg"), used in incident summaries and alerts instead of the id
 */
public record HostingGroup(String id, String name) {
}
