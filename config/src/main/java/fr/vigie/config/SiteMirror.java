package fr.vigie.config;

import java.time.Duration;

/**
 * An independent static host the rendered site is copied to after each regeneration (WebDAV: PUT, MKCOL, MOVE,
 * DELETE), so the public page stays served when every Vigie node is down (docs/operations.md).
 *
 * @param url      the folder the site goes to, http:// or https://, ending with {@code /}; no account in it
 * @param username the HTTP basic account, or null for none
 * @param password its password, read from the environment variable named by {@code password-env}; or null
 * @param timeout  bound of each request (connect and answer)
 */
public record SiteMirror(String url, String username, Secret password, Duration timeout) {
    /** Safe to print: the URL carries no account (the loader refuses one). */
    @Override
    public String toString() {
        return "SiteMirror[" + url + (username == null ? "" : ", user " + username) + "]";
    }
}
