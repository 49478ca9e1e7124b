package io.followup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.followup.FollowupServiceApplication;

/**
 * The service as an operating-system process of its own, started from this test JVM's classpath with
 * the production main class, so that it can be killed as a crash would kill it ({@code kill -9}).
 * Its output goes to {@code target/faults/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final ApiClient api;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.api = new ApiClient(port);
    }

    public static ServiceProcess start(String name, Map<String, String> properties) {
        return start(name, FollowupServiceApplication.class.getName(), Map.of(), properties);
    }

    /**
     * {@code ./mvnw spring-boot:test-run} as a process: the local launcher (embedded PostgreSQL in
     * {@code localDir}, keys, tokens) on a free port.
     */
    public static ServiceProcess startLocalRun(String name, Path localDir) {
        return start(name, "io.followup.LocalFollowupServiceApplication", Map.of("FOLLOWUP_LOCAL_DIR", localDir.toString()), Map.of());
    }

    /** Ends the process as Ctrl+C or {@code docker stop} would (SIGTERM: shutdown hooks run); false if it did not exit in time. */
    public boolean stop(Duration timeout) {
        process.destroy();
        return waitForExit(timeout);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ServiceProcess start(String name, String mainClass, Map<String, String> environment, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Startup speed over peak speed: the tests need the service up in seconds, not at full JIT.
        command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Path.of("target", "faults", name + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(name, process, log, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
    }

    /** Waits until the service reports ready; fails with the end of its log if it died or took too long. */
    public ServiceProcess awaitReady(Duration timeout) {
        try {
            Eventually.until(name + " is ready", timeout, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    return api.request("GET", "/actuator/health/readiness").send().status() == 200;
                }
                catch (UncheckedIOException notListeningYet) {
                    return false;
                }
            }, () -> sleep(200));
        }
        catch (AssertionError ex) {
            throw new AssertionError(ex.getMessage() + "\n" + logTail(), ex);
        }
        return this;
    }

    public ApiClient api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no hand-back of claimed jobs, no last write. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitForExit(Duration.ofSeconds(10));
            }
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
