package fr.vigie.config.load;

import fr.vigie.config.Addresses;
import fr.vigie.config.Secret;
import fr.vigie.config.SiteMirror;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code site.mirrors}: the static hosts the rendered site is pushed to (WebDAV). */
final class MirrorReader {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MirrorReader() {
    }

    static List<SiteMirror> mirrors(Node node) {
        List<SiteMirror> mirrors = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Node item : node.items()) {
            if (!item.mapping("url", "username", "password-env", "timeout")) {
                if (!item.present()) {
                    item.error("expected a mapping with url (and username, password-env, timeout)");
                }
                continue; // a wrong type was reported by mapping()
            }
            String url = url(item.get("url"));
            if (url != null && !urls.add(url)) {
                item.get("url").error("mirror '" + url + "' is listed twice");
            }
            String username = item.get("username").text();
            if (username != null && (username.isBlank() || username.contains(":"))) {
                item.get("username").error("a basic-auth user name is needed, without ':'");
                username = null;
            }
            Secret password = password(item.get("password-env"));
            if (item.get("password-env").present() && !item.get("username").present()) {
                item.get("password-env").error("password-env needs a username");
            }
            if (username != null && !item.get("password-env").present()) {
                item.get("username").error("username needs password-env (the environment variable holding the password)");
            }
            if (password != null && url != null && url.startsWith("http://") && !loopback(url)) {
                // basic auth sends the password as it is: only over TLS, or on this machine
                item.get("url").error("a password would travel in clear to '" + url + "': use https://"
                        + " (http:// only on loopback)");
            }
            if (url != null) {
                mirrors.add(new SiteMirror(url, username, password,
                        item.get("timeout").duration(Defaults.SITE_MIRROR_TIMEOUT)));
            }
        }
        return mirrors;
    }

    /** An http(s) folder URL without an account, query or fragment; returned ending with '/'. */
    private static String url(Node node) {
        String url = node.requiredText();
        if (url == null) {
            return null;
        }
        String bad = Checks.httpUrl(url);
        if (bad != null) {
            node.error(bad);
            return null;
        }
        URI uri = URI.create(url);
        if (uri.getRawUserInfo() != null) {
            node.error("put the mirror's account in 'username' and 'password-env', not in the URL (value not shown)");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            node.error("bad mirror URL '" + url + "': a folder is expected, without ?query or #fragment");
            return null;
        }
        return url.endsWith("/") ? url : url + "/";
    }

    /** The name of an environment variable; its value becomes the secret (never written in the file). */
    private static Secret password(Node node) {
        String name = node.rawText();
        if (!node.present()) {
            return null;
        }
        if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
            node.error("expected the name of an environment variable (VIGIE_MIRROR_PASSWORD), not a value");
            return null;
        }
        Secret secret = new Node(com.fasterxml.jackson.databind.node.TextNode.valueOf("${" + name + "}"),
                node.path(), node.context()).secret();
        if (secret != null && secret.isEmpty()) {
            node.error("environment variable '" + name + "' is empty");
            return null;
        }
        return secret;
    }

    private static boolean loopback(String url) {
        String host = URI.create(url).getHost();
        return host != null && Addresses.isLoopback(host);
    }
}
