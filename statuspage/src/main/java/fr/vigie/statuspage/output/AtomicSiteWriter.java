package fr.vigie.statuspage.output;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Publishes a site so that readers never see it half-written: files go into a new sibling folder
 * ({@code <out>.gen-<n>}), then {@code <out>} — a symbolic link — is replaced in one atomic rename.
 * The previous generation is kept (a reader may still be inside it); older ones are deleted.
 * Compressible files get a byte-identical {@code .gz} twin (gzip header without time stamp).
 */
public final class AtomicSiteWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicSiteWriter.class);
    private static final Set<String> COMPRESSIBLE = Set.of("html", "css", "json", "xml", "svg", "rss", "atom", "txt");
    private static final int KEPT_GENERATIONS = 2;

    /** Writes {@code files} and switches {@code out} to them; returns the new generation folder. */
    public Path publish(SiteFiles files, Path out) {
        try {
            Path target = out.toAbsolutePath().normalize();
            Path parent = target.getParent();
            Files.createDirectories(parent);
            adoptPlainFolder(target);
            Path generation = newGenerationFolder(parent, target.getFileName().toString());
            // Compressing is the costly part: do it on every core before the (sequential) writes.
            Map<String, byte[]> gzipped = files.all().entrySet().parallelStream()
                    .filter(f -> compressible(f.getKey()))
                    .collect(Collectors.toConcurrentMap(Map.Entry::getKey, f -> gzip(f.getValue())));
            for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
                write(generation, file.getKey(), file.getValue(), gzipped.get(file.getKey()));
            }
            switchLink(target, generation);
            pruneOldGenerations(parent, target.getFileName().toString());
            return generation;
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish the site to " + out, e);
        }
    }

    /** True for the types served pre-compressed. */
    public static boolean compressible(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && COMPRESSIBLE.contains(path.substring(dot + 1));
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Path root, String relative, byte[] content, byte[] gzipped) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("refusing to write outside the site: " + relative);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        if (gzipped != null) {
            Files.write(file.resolveSibling(file.getFileName() + ".gz"), gzipped);
        }
    }

    /** A first run over an existing real folder: move it aside as an old generation so the link can take its place. */
    private static void adoptPlainFolder(Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Path aside = newGenerationFolder(target.getParent(), target.getFileName().toString());
            Files.delete(aside);
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("site folder {} moved aside to {} to publish generations through a link", target, aside);
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
            throw new IOException(target + " exists and is neither a folder nor a link");
        }
    }

    private static Path newGenerationFolder(Path parent, String name) throws IOException {
        long next = generations(parent, name).stream().mapToLong(p -> number(p, name)).max().orElse(0) + 1;
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(name + ".gen-" + next));
            } catch (FileAlreadyExistsException e) {
                next++;
            }
        }
    }

    private static void switchLink(Path target, Path generation) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".link-" + generation.getFileName());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, generation.getFileName());
        // rename(2) over an existing link is atomic: readers see the old site or the new one, never neither.
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void pruneOldGenerations(Path parent, String name) throws IOException {
        List<Path> all = generations(parent, name);
        all.sort(Comparator.comparingLong(p -> number(p, name)));
        for (int i = 0; i < all.size() - KEPT_GENERATIONS; i++) {
            deleteTree(all.get(i));
        }
    }

    private static List<Path> generations(Path parent, String name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, name + ".gen-*")) {
            for (Path p : stream) {
                if (number(p, name) >= 0) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private static long number(Path generation, String name) {
        try {
            return Long.parseLong(generation.getFileName().toString().substring((name + ".gen-").length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
