package fr.vigie.statuspage.pdfchild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A renderer child that never answers: says who it is (system property pdf.test.pidfile), then waits forever. */
public final class HangingPdfChild {
    private HangingPdfChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path pidFile = Path.of(System.getProperty("pdf.test.pidfile"));
        Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".tmp"),
                Long.toString(ProcessHandle.current().pid()));
        Files.move(pidFile.resolveSibling(pidFile.getFileName() + ".tmp"), pidFile);
        new CountDownLatch(1).await();
    }
}
