package fr.vigie.app.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a mirror holds, as far as Vigie knows: the hash of every file it pushed there, in memory and in
 * {@code <data folder>/mirrors/<hash of the URL>.json}, so a restart does not upload everything again. Written
 * atomically after each push (also after a failed one, so the files that made it are not sent twice).
 */
final class PushedState {
    private static final Logger LOG = LoggerFactory.getLogger(PushedState.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape; {@code url} is kept so that a person reading the folder knows which mirror it is. */
    record Stored(String url, Map<String, String> files) {
    }

    private final Path file;
    private final String url;
    private final Map<String, String> files;
    private final Set<String> folders = new HashSet<>();

    private PushedState(Path file, String url, Map<String, String> files) {
        this.file = file;
        this.url = url;
        this.files = new TreeMap<>(files);
        this.files.keySet().forEach(this::addFoldersOf);
    }

    static PushedState load(Path dataFolder, String url) {
        Path file = dataFolder.resolve("mirrors").resolve(fileName(url));
        if (Files.isRegularFile(file)) {
            try {
                Stored stored = JSON.readValue(file.toFile(), Stored.class);
                if (url.equals(stored.url()) && stored.files() != null) {
                    return new PushedState(file, url, stored.files());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: start over, the next push uploads everything once
                LOG.warn("mirror {}: unreadable state {} ({}), the whole site will be sent again", url, file,
                        e.getClass().getSimpleName());
            }
        }
        return new PushedState(file, url, Map.of());
    }

    /** The hash of what was last pushed at {@code path}, or null. */
    String hash(String path) {
        return files.get(path);
    }

    Set<String> paths() {
        return Set.copyOf(files.keySet());
    }

    void pushed(String path, String hash) {
        files.put(path, hash);
        addFoldersOf(path);
    }

    void deleted(String path) {
        files.remove(path);
    }

    /** Folders known to exist on the mirror ("a/b/" style, no leading slash). */
    boolean hasFolder(String folder) {
        return folders.contains(folder);
    }

    void folderMade(String folder) {
        folders.add(folder);
    }

    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), new Stored(url, files));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void addFoldersOf(String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            folders.add(path.substring(0, slash + 1));
        }
    }

    private static String fileName(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
