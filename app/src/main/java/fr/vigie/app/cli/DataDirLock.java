package fr.vigie.app.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a data folder ({@code <folder>/vigie.lock}), taken before anything in it is touched, so a
 * second Vigie (a demo started twice) never deletes or writes the store and outbox of one that runs. The operating
 * system releases it when the process ends, even on kill -9; the file itself is left in place, harmless.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "vigie.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock, or empty when another Vigie (another process, or this one) holds it */
    static Optional<DataDirLock> tryLock(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        // who holds it, for the message the next one prints
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(false);
        return Optional.of(new DataDirLock(channel, lock));
    }

    /** One line naming the folder and, when known, the process holding it. */
    static String busyMessage(String command, Path folder) {
        String holder = "";
        try {
            String pid = Files.readString(folder.resolve(FILE), StandardCharsets.US_ASCII).trim();
            if (pid.matches("\\d+")) {
                holder = " by process " + pid;
            }
        } catch (IOException unreadable) {
            // the message stays useful without the pid
        }
        return "vigie " + command + ": the data folder " + folder + " is in use" + holder
                + " (another Vigie runs on it); nothing was changed. Stop it, or use another storage.path.";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
