package fr.vigie.probes.signature;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.SignatureConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body signatures: the shipped catalogue ({@code fr/vigie/probes/signatures.json}) plus the
 * config's own ({@code probing.signatures}), which come first and replace a shipped one of the same id.
 * Matching looks only at the first {@link #PREFIX_BYTES} bytes of a body, case-insensitively; the first
 * signature in catalogue order wins (storage before saturation before gateway).
 */
public final class SignatureCatalogue {
    /** Only this much of a body is ever examined. */
    public static final int PREFIX_BYTES = 64 * 1024;
    private static final int EXCERPT_CHARS = 80;
    private static final String RESOURCE = "/fr/vigie/probes/signatures.json";

    /** An expression, with the literal test that rules most texts out before it runs (empty: it always runs). */
    private record Compiled(SignatureConfig config, Pattern pattern, LiteralPrefilter prefilterOrNull) {
        boolean mayMatch(String foldedText) {
            return prefilterOrNull == null || prefilterOrNull.mayMatch(foldedText);
        }
    }

    private final List<Compiled> signatures;

    private SignatureCatalogue(List<SignatureConfig> ordered) {
        List<Compiled> compiled = new ArrayList<>();
        for (SignatureConfig s : ordered) {
            compiled.add(new Compiled(s, Pattern.compile(s.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    LiteralPrefilter.of(s.pattern()).orElse(null)));
        }
        this.signatures = List.copyOf(compiled);
    }

    /** The shipped catalogue only. */
    public static SignatureCatalogue shipped() {
        return withExtras(List.of());
    }

    /** The config's signatures first (overriding shipped ids), then the shipped ones. */
    public static SignatureCatalogue withExtras(List<SignatureConfig> extras) {
        Map<String, SignatureConfig> byId = new LinkedHashMap<>();
        extras.forEach(s -> byId.put(s.id(), s));
        for (SignatureConfig s : loadShipped()) {
            byId.putIfAbsent(s.id(), s);
        }
        return new SignatureCatalogue(List.copyOf(byId.values()));
    }

    public List<SignatureConfig> signatures() {
        return signatures.stream().map(Compiled::config).toList();
    }

    /** Matches the first {@link #PREFIX_BYTES} bytes of {@code body} (decoded as UTF-8, leniently). */
    public Optional<SignatureMatch> match(byte[] body, int length) {
        return match(prefixText(body, length));
    }

    /** Matches a text; only its first {@link #PREFIX_BYTES} characters are looked at. */
    public Optional<SignatureMatch> match(String text) {
        String prefix = text.length() > PREFIX_BYTES ? text.substring(0, PREFIX_BYTES) : text;
        String folded = LiteralPrefilter.fold(prefix);
        for (Compiled c : signatures) {
            if (!c.mayMatch(folded)) {
                continue;
            }
            Matcher m = c.pattern().matcher(prefix);
            if (m.find()) {
                String excerpt = m.group();
                excerpt = excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS) : excerpt;
                QueueAnnouncement queue = "waiting_room".equals(c.config().id())
                        || "saturation".equals(c.config().category())
                        ? QueueAnnouncement.parse(prefix) : new QueueAnnouncement(null, null);
                return Optional.of(new SignatureMatch(c.config().id(), c.config().category(), excerpt,
                        queue.position(), queue.waitSeconds()));
            }
        }
        return Optional.empty();
    }

    static String prefixText(byte[] body, int length) {
        int n = Math.min(length, PREFIX_BYTES);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("lenient decoder cannot fail", e);
        }
    }

    private static List<SignatureConfig> loadShipped() {
        try (InputStream in = SignatureCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readValue(in, new TypeReference<List<SignatureConfig>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
