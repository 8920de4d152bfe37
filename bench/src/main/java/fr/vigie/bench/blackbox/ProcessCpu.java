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

    /** CPU time (user + system, ms) of each thread of this process, by thread name with digits folded to N. */
    static java.util.Map<String, Double> byThread() {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double ms = (Double.parseDouble(f[11]) + Double.parseDouble(f[12])) / TICKS_PER_SECOND * 1000;
                    out.merge(name, ms, Double::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/task", e);
        }
        return out;
    }

    static double millis(long pid) {
        double[] f = userAndSystem(pid);
        return f[0] + f[1];
    }

    /** User and system (kernel, on the process's behalf: its TCP connections, for one) CPU time, in ms. */
    static double[] userAndSystem(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name in parentheses, which may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[]{Double.parseDouble(f[11]) / TICKS_PER_SECOND * 1000,
                    Double.parseDouble(f[12]) / TICKS_PER_SECOND * 1000};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }
}
