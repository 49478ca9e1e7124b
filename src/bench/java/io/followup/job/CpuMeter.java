package io.followup.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time spent by this JVM and by the PostgreSQL server (postmaster and its backends, read from
 * /proc), so a run can report CPU per job: on a shared machine that is steadier than wall-clock
 * rates, and it shows which side a job's cost is on. PostgreSQL must run on this machine (Linux); a
 * remote one reads as 0.
 */
final class CpuMeter {

    private static final double TICK_NANOS = 1e9 / 100;

    private final long postmaster;
    private long jvmStart;
    private long postgresStart;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    static CpuMeter of(JdbcTemplate jdbc) {
        long pid = -1;
        try {
            String dataDirectory = jdbc.queryForObject("SHOW data_directory", String.class);
            pid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        }
        catch (RuntimeException | IOException ex) {
            // Not a local server, or not readable: PostgreSQL's share is reported as 0.
        }
        return new CpuMeter(pid);
    }

    CpuMeter start() {
        jvmStart = jvmNanos();
        postgresStart = postgresNanos();
        return this;
    }

    /** Microseconds of CPU per job since {@link #start()}: this JVM and PostgreSQL. */
    String perJob(int jobs) {
        double jvm = (jvmNanos() - jvmStart) / 1e3 / jobs;
        double postgres = (postgresNanos() - postgresStart) / 1e3 / jobs;
        return "%.0f us (JVM %.0f + PostgreSQL %.0f)".formatted(jvm + postgres, jvm, postgres);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long postgresNanos() {
        if (postmaster < 0) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return (long) (processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(this::ticksIfPostgres).sum() * TICK_NANOS);
        }
        catch (IOException ex) {
            return 0;
        }
    }

    private long ticksIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(process.getFileName().toString());
            long parent = Long.parseLong(fields[1]);
            return pid == postmaster || parent == postmaster ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
    }
}
