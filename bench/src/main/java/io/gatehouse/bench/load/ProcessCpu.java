package io.gatehouse.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time used so far by a process: this one (the driver) or a server, by its id, from {@code /proc}. */
interface ProcessCpu {

    /** Nanoseconds of CPU (user and system) used so far, or -1 when not known. */
    long nanos();

    /** The driver's own process. */
    static ProcessCpu self() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os::getProcessCpuTime;
    }

    /** Another process on this machine (Linux), or a clock that knows nothing when {@code pid} is 0 or less. */
    static ProcessCpu of(long pid) {
        if (pid <= 0) {
            return () -> -1;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return () -> {
            try {
                String text = Files.readString(stat);
                // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
                // utime and stime fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return ticks * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }
}
