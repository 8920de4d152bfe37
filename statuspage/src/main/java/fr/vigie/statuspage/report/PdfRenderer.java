package fr.vigie.statuspage.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Renders report PDFs in a short-lived child JVM ({@link PdfRenderProcess}): the same {@code java} binary and class
 * path as this one, a small heap, the client compiler only. The service itself never loads the PDF renderer
 * (openhtmltopdf, PDFBox, fontbox, Batik: about 2,400 classes, 18 MB of metaspace and 15-25 MB of heap it would
 * keep, docs/performance.md, "Memory"); one child renders every PDF a regeneration needs, then exits.
 *
 * <p>Bounded: the child is killed after {@link #timeout(int)} and its output is read only up to
 * {@link #MAX_PDF_BYTES} per document. A document that is not rendered, for whatever reason (timeout, crash, no
 * {@code java}), comes back as {@code null} and is logged; nothing is thrown. Blocking: call it from the site's
 * regeneration thread, never from an event loop.
 */
public final class PdfRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);
    /** Documents per child: every report of a regeneration, two languages each. */
    static final int MAX_BATCH = 10_000;
    static final int MAX_HTML_BYTES = 16 * 1024 * 1024;
    /** A report is tens of KB; a PDF this large is a broken one, refused before it reaches the heap. */
    static final int MAX_PDF_BYTES = 4 * 1024 * 1024;
    static final Duration BASE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PER_DOCUMENT = Duration.ofSeconds(5);
    /**
     * The child's JVM: serial collector and a heap sized for one report at a time (the renderer's live set is
     * 15-25 MB), the client compiler only, no performance-data file; headless for Batik's AWT geometry.
     */
    static final List<String> CHILD_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx96m",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=32m",
            "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xshare:auto", "-Djava.awt.headless=true",
            "-Dvigie.log.level=WARN");
    private static final int LOG_TAIL = 2000;

    /** One document of a batch: the print HTML of a report, its PDF title and date. */
    public record Document(byte[] html, String title, Instant at) {
    }

    private final String mainClass;
    private final List<String> extraOptions;
    private final Duration baseTimeout;
    private final Duration perDocument;
    private final AtomicInteger launches = new AtomicInteger();

    /** The renderer Vigie uses: {@link PdfRenderProcess} in a child JVM. */
    public static PdfRenderer childJvm() {
        return new PdfRenderer(PdfRenderProcess.class.getName(), List.of(), BASE_TIMEOUT, PER_DOCUMENT);
    }

    /**
     * A renderer running another main class of the class path, with more JVM options and another time bound: for
     * tests (a child that hangs, crashes or answers something else). The main class reads the batch on standard
     * input and writes its answer to the file named by its argument, as {@link PdfRenderProcess} does.
     */
    public PdfRenderer(String mainClass, List<String> extraOptions, Duration baseTimeout, Duration perDocument) {
        this.mainClass = mainClass;
        this.extraOptions = List.copyOf(extraOptions);
        this.baseTimeout = baseTimeout;
        this.perDocument = perDocument;
    }

    /** How many child JVMs were started. */
    public int launches() {
        return launches.get();
    }

    /** How long a child rendering {@code documents} documents may run before it is killed. */
    Duration timeout(int documents) {
        return baseTimeout.plus(perDocument.multipliedBy(documents));
    }

    /**
     * Renders every document in one child JVM.
     *
     * @return the PDFs in the order of {@code documents}, {@code null} for each one not rendered
     */
    public List<byte[]> render(List<Document> documents) {
        List<byte[]> none = Collections.nCopies(documents.size(), null);
        if (documents.isEmpty()) {
            return List.of();
        }
        if (documents.size() > MAX_BATCH) {
            LOG.warn("incident report PDFs not rendered: {} documents, more than {} in one batch", documents.size(),
                    MAX_BATCH);
            return none;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vigie-pdf-");
            Path in = dir.resolve("batch");
            Path out = dir.resolve("pdfs");
            Path log = dir.resolve("log");
            writeBatch(in, documents);
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(CHILD_OPTIONS);
            command.addAll(extraOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
            command.add(out.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true);
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Duration bound = timeout(documents.size());
            long started = System.nanoTime();
            launches.incrementAndGet();
            Process child = builder.start();
            if (!finished(child, bound)) {
                LOG.warn("incident report PDFs not rendered: the renderer (pid {}) did not finish within {} s and "
                        + "was killed{}", child.pid(), bound.toSeconds(), tail(log));
                return none;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (child.exitValue() != 0) {
                LOG.warn("incident report PDFs not rendered: the renderer exited with status {} after {} ms{}",
                        child.exitValue(), ms, tail(log));
                return none;
            }
            List<byte[]> pdfs = readResults(out, documents);
            long rendered = pdfs.stream().filter(p -> p != null).count();
            if (rendered < documents.size()) {
                LOG.warn("incident report PDFs: {} of {} not rendered{}", documents.size() - rendered,
                        documents.size(), tail(log));
            } else {
                LOG.debug("incident report PDFs: {} rendered by a child JVM in {} ms", rendered, ms);
            }
            return pdfs;
        } catch (IOException e) {
            LOG.warn("incident report PDFs not rendered: {}", e.toString());
            return none;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("incident report PDFs not rendered: interrupted");
            return none;
        } finally {
            delete(dir);
        }
    }

    /** Waits for the child up to the bound; past it, kills it and waits for its end. */
    private static boolean finished(Process child, Duration bound) throws InterruptedException {
        try {
            if (child.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            throw e;
        }
        child.destroyForcibly();
        // SIGKILL cannot be ignored; the wait only collects the process, so that no zombie is left.
        child.waitFor(30, TimeUnit.SECONDS);
        return false;
    }

    private static void writeBatch(Path file, List<Document> documents) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            out.writeInt(PdfRenderProcess.MAGIC);
            out.writeInt(documents.size());
            for (Document d : documents) {
                if (d.html().length > MAX_HTML_BYTES) {
                    throw new IOException("report HTML of " + d.html().length + " bytes");
                }
                byte[] title = d.title().getBytes(StandardCharsets.UTF_8);
                out.writeInt(title.length);
                out.write(title);
                out.writeLong(d.at().toEpochMilli());
                out.writeInt(d.html().length);
                out.write(d.html());
            }
        }
    }

    private static List<byte[]> readResults(Path file, List<Document> documents) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the renderer wrote no result");
        }
        long bound = 8L + (long) documents.size() * (5L + MAX_PDF_BYTES);
        if (Files.size(file) > bound) {
            throw new IOException("the renderer's result is " + Files.size(file) + " bytes, more than " + bound);
        }
        List<byte[]> pdfs = new ArrayList<>(documents.size());
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            if (in.readInt() != PdfRenderProcess.MAGIC || in.readInt() != documents.size()) {
                throw new IOException("the renderer's result is not the batch's");
            }
            for (int i = 0; i < documents.size(); i++) {
                if (!in.readBoolean()) {
                    in.readUTF();
                    pdfs.add(null);
                    continue;
                }
                int length = in.readInt();
                if (length < 0 || length > MAX_PDF_BYTES) {
                    throw new IOException("a PDF of " + length + " bytes");
                }
                byte[] pdf = in.readNBytes(length);
                if (pdf.length != length) {
                    throw new IOException("the renderer's result is cut short");
                }
                pdfs.add(isPdf(pdf) ? pdf : null);
            }
        }
        return pdfs;
    }

    private static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && Arrays.equals(Arrays.copyOf(bytes, 5), "%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    /** The same {@code java} as this JVM's. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The end of the child's log, for the warning. */
    private static String tail(Path log) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            if (size == 0) {
                return "";
            }
            channel.position(Math.max(0, size - LOG_TAIL));
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, LOG_TAIL));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // reads to the end
            }
            return "; its log ends with: " + new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .strip().replace('\n', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("report PDF temporary file {} not deleted: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("report PDF temporary folder {} not deleted: {}", dir, e.toString());
        }
    }
}
