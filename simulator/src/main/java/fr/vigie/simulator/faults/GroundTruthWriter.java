package fr.vigie.simulator.faults;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends ground-truth segments as JSON Lines, off the event loop; a null path writes nothing. */
final class GroundTruthWriter {
    private final Vertx vertx;
    private final Path file;

    GroundTruthWriter(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    Future<Void> append(GroundTruthRecord record) {
        if (file == null) {
            return Future.succeededFuture();
        }
        String line = record.toJson().encode() + "\n";
        return vertx.executeBlocking(() -> {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return null;
        });
    }
}
