package fr.vigie.app.cli;

import java.nio.file.Path;

/** Child process of {@link DataDirLockTest}: holds a data folder's lock until its stdin closes. */
public final class DataDirLockHolder {
    private DataDirLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.tryLock(Path.of(args[0])).orElseThrow()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold until the parent closes our stdin
            }
        }
    }
}
