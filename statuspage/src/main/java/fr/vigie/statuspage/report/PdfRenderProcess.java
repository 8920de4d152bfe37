package fr.vigie.statuspage.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The short-lived JVM that renders a batch of report PDFs for {@link PdfRenderer}, so that the long-lived service
 * never loads openhtmltopdf, PDFBox, fontbox and Batik (about 2,400 classes and 18 MB of metaspace it would keep
 * for months, docs/performance.md, "Memory"). Reads the batch from standard input and writes the results to the
 * file named by its one argument, through a temporary file moved into place at the end: a child that dies leaves
 * no output, never half of one. Its own log (openhtmltopdf's warnings) goes to standard error.
 *
 * <p>Input: {@code int} count, then per document the title ({@code int} length and UTF-8 bytes), {@code long} epoch
 * milliseconds, and the HTML ({@code int} length and bytes). Output: {@code int} count, then per document a {@code boolean} (rendered) followed
 * by {@code int} length and the PDF bytes, or by a {@code UTF} reason.
 */
public final class PdfRenderProcess {
    static final int MAGIC = 0x56504446; // "VPDF"

    private PdfRenderProcess() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PdfRenderProcess OUTPUT-FILE < batch");
            System.exit(2);
        }
        try {
            run(System.in, Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            System.err.println("report PDFs not rendered: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(InputStream stdin, Path output) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stdin));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a report PDF batch");
        }
        int count = in.readInt();
        if (count < 0 || count > PdfRenderer.MAX_BATCH) {
            throw new IOException("batch of " + count + " documents");
        }
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
            out.writeInt(MAGIC);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                String title = new String(bytes(in), StandardCharsets.UTF_8);
                Instant at = Instant.ofEpochMilli(in.readLong());
                byte[] html = bytes(in);
                byte[] pdf = null;
                String failure = null;
                try {
                    pdf = ReportPdf.render(html, title, at);
                    if (pdf.length > PdfRenderer.MAX_PDF_BYTES) {
                        failure = "PDF of " + pdf.length + " bytes, more than " + PdfRenderer.MAX_PDF_BYTES;
                        pdf = null;
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failure = e.toString();
                }
                out.writeBoolean(pdf != null);
                if (pdf != null) {
                    out.writeInt(pdf.length);
                    out.write(pdf);
                } else {
                    String reason = failure.length() > 500 ? failure.substring(0, 500) : failure;
                    out.writeUTF(reason);
                    System.err.println("report PDF " + title + " not rendered: " + reason);
                }
            }
        }
        Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > PdfRenderer.MAX_HTML_BYTES) {
            throw new IOException("a field of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("batch cut short");
        }
        return bytes;
    }
}
