package fr.vigie.statuspage.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/** The site's words in one language, read from {@code i18n/texts_<lang>.properties} (UTF-8). */
public final class Texts {
    private final String language;
    private final SortedMap<String, String> entries;

    private Texts(String language, SortedMap<String, String> entries) {
        this.language = language;
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** @param language {@code fr} or {@code en}; any other language falls back to English words */
    public static Texts of(String language) {
        String file = "fr".equals(language) ? "texts_fr.properties" : "texts_en.properties";
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/fr/vigie/statuspage/i18n/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return new Texts(language, map);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return "fr".equals(language) ? Locale.FRANCE : Locale.UK;
    }

    /** The text of a key; a missing key is a bug, so it fails loudly. */
    public String get(String key) {
        String value = entries.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no text '" + key + "' in language " + language);
        }
        return value;
    }

    /** The text of a key with {@code {0}}, {@code {1}}... replaced by the arguments. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Every entry, sorted, for templates ({@code t["home.title"]}). */
    public Map<String, String> asMap() {
        return entries;
    }
}
