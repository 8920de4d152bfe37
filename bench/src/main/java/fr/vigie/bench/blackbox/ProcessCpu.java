package fr.vigie.bench.blackbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time (user + system, all its threads) from /proc/PID/stat, in milliseconds. */
final class ProcessCpu {
    /** USER_HZ: the unit of utime and stime in /proc/PID/stat on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name in parentheses, which may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Double.parseDouble(f[11]) + Double.parseDouble(f[12])) / TICKS_PER_SECOND * 1000;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }
}
