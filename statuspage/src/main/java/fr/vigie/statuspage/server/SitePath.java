package fr.vigie.statuspage.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Turns a raw request path into a site key, refusing anything that could climb out of the site. */
final class SitePath {
    private SitePath() {
    }

    /**
     * @return the percent-decoded path without its leading slash ("services/x/"), or null when it is
     *         malformed or contains a dot segment, a backslash, a NUL or a control character
     */
    static String decode(String raw) {
        if (raw == null || !raw.startsWith("/")) {
            return null;
        }
        if (isPlain(raw)) {
            return raw.substring(1);
        }
        String decoded = percentDecode(raw);
        if (decoded == null) {
            return null;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        if (decoded.contains("//")) {
            return null;
        }
        return decoded.substring(1);
    }

    /** The common case, checked without allocating: printable ASCII, no escapes, no dot segment. */
    private static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '%' || c == '\\') {
                return false;
            }
            if (c == '/' && i + 1 < raw.length() && (raw.charAt(i + 1) == '.' || raw.charAt(i + 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
