package io.followup.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One round of the step-delivery bench on the real path: a tenant's configuration with two AI steps, leads enrolled
 * through {@code POST /backend/followup/events} (a channel without official steps, so WhatsApp's window does not
 * apply), every first step then made due at one instant, and the wait until each was sent to the stub, its outcome
 * recorded and its next step scheduled.
 */
final class StepRun {

    private static final String STEP = "followup.step";
    private static final AtomicInteger RECORDINGS = new AtomicInteger();

    private final ApiClient api;
    private final JdbcTemplate jdbc;
    private final UUID tenant = UUID.randomUUID();
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final UUID channel = UUID.randomUUID();
    private final String token;
    private long firstJob;

    StepRun(ApiClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.token = TestTokens.get().backend(tenant);
    }

    /** What one round measured. */
    record Result(int leads, double rate, String cpu, List<Long> startedMillis, int failed, long nextScheduled) {

        String lateness() {
            return "%d / %d / %d ms".formatted(percentile(0.50), percentile(0.99), startedMillis.get(startedMillis.size() - 1));
        }

        long percentile(double p) {
            return startedMillis.get((int) Math.min(startedMillis.size() - 1, Math.ceil(p * startedMillis.size()) - 1));
        }
    }

    /** Creates the configuration and enrolls {@code leads} leads, in batches of 100 events. */
    StepRun enroll(int leads) {
        Long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM job", Long.class);
        firstJob = before == null ? 0 : before;
        ApiResponse config = api.request("POST", "/backend/followup/configs").token(token).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"], "steps": [
                  {"interval": "PT30M", "prompt": "Say hello"}, {"interval": "PT2H", "prompt": "Offer a demo"}]}
                """.formatted(assistant, trigger)).send();
        check(config, 201);
        for (int start = 0; start < leads; start += 100) {
            List<String> events = new ArrayList<>();
            for (int i = start; i < Math.min(leads, start + 100); i++) {
                String lead = "lead-" + UUID.randomUUID();
                events.add("""
                        {"event_id": "enter-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                         "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                        """.formatted(lead, assistant, lead, channel, trigger, Instant.now()));
            }
            check(api.request("POST", "/backend/followup/events").token(token).json("[" + String.join(",", events) + "]").send(), 200);
        }
        long enrolled = steps("status = 'pending'");
        if (enrolled != leads) {
            throw new IllegalStateException("enrolled " + enrolled + " of " + leads);
        }
        return this;
    }

    /** Makes every first step due at one instant a moment ahead and waits until all were sent and recorded. */
    Result sendAllAtOnce(int leads, Duration timeout) throws InterruptedException {
        Instant due = Instant.now().plusSeconds(2);
        jdbc.update("UPDATE job SET run_at = ? WHERE id > ? AND kind = ? AND status = 'pending'",
                Timestamp.from(due), firstJob, STEP);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
        CpuMeter cpu = CpuMeter.of(jdbc).start();
        Recording profile = profile();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // Checked every 100 ms: the count is PostgreSQL work too, and it is charged to the steps.
        while (steps("status IN ('succeeded', 'failed') AND payload->>'step' = '1'") < leads && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String perStep = cpu.perJob(leads);
        if (profile != null) {
            profile.stop();
            profile.close();
        }
        List<Long> started = jdbc.queryForList("""
                SELECT (extract(epoch FROM started_at - ?) * 1000)::bigint FROM job
                WHERE id > ? AND kind = ? AND payload->>'step' = '1' AND started_at IS NOT NULL ORDER BY 1
                """, Long.class, Timestamp.from(due), firstJob, STEP);
        int failed = (int) steps("status <> 'succeeded' AND payload->>'step' = '1'");
        long next = steps("status = 'pending' AND payload->>'step' = '2'");
        return new Result(leads, leads / seconds, perStep, started, failed, next);
    }

    /**
     * With {@code -Dbench.steps.jfr=DIR}, a flight recording of each send phase (not the enrolling before it) in
     * {@code DIR/steps-N.jfr}, with the JDK's profiling settings.
     */
    private static Recording profile() {
        String dir = System.getProperty("bench.steps.jfr");
        if (dir == null) {
            return null;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            Files.createDirectories(Path.of(dir));
            recording.setDestination(Path.of(dir, "steps-" + RECORDINGS.incrementAndGet() + ".jfr"));
            recording.start();
            return recording;
        }
        catch (IOException | ParseException ex) {
            throw new IllegalStateException("cannot record " + dir, ex);
        }
    }

    private long steps(String where) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM job WHERE id > ? AND kind = ? AND " + where, Long.class, firstJob, STEP);
        return count == null ? 0 : count;
    }

    private static void check(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
    }

    /** Resident memory of this JVM now and at its peak, and the heap in use, e.g. "RSS 612 MB (peak 700 MB), heap used 210 MB". */
    static String memory() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        return "RSS %s (peak %s), heap used %d MB, threads %d (peak %d)".formatted(status("VmRSS"), status("VmHWM"), heap,
                ManagementFactory.getThreadMXBean().getThreadCount(), ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }

    private static String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MB";
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // Not Linux: reported as unknown.
        }
        return "?";
    }
}
