package fr.vigie.subscriptions.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token key when the configuration gives none: 32 random bytes in {@code <data>/subscriptions.key}, created
 * once, readable by the owner only, so links stay valid across restarts. Its content is never logged.
 */
public final class KeyFile {
    public static final String NAME = "subscriptions.key";

    private KeyFile() {
    }

    public static byte[] loadOrCreate(Path dataFolder) {
        Path file = dataFolder.resolve(NAME);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(dataFolder);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException(file + " holds a key shorter than 32 bytes: delete it to get a new one");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a base64 key: delete it to get a new one");
        }
    }
}
