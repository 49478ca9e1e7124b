package io.followup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceInstance;
import io.followup.support.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step delivery at provider latency, on the real path, one service instance with its production defaults (a whole
 * application context in this JVM): leads enrolled through the event intake, their first steps made due at one
 * instant, each sent as a signed webhook to a stub assistant on loopback that answers after a fixed delay, its
 * outcome recorded and its next step scheduled. Beside it, in the same run, db-scheduler making the same blocking
 * call with as many threads. Reports sends/s, lateness of the start (claim time minus due time), CPU per step (this
 * JVM, which also runs the stub, and PostgreSQL) and memory. Run with {@code ./mvnw -Pbench verify
 * -Dit.test=StepDeliveryBench}; sizes {@code -Dbench.steps.warmup} (10000 steps at
 * once, not reported), {@code -Dbench.steps.fast} (5000 leads at 200 ms), {@code -Dbench.steps.slow}
 * (4000 at 2 s: enough for a sustained rate; with 1000, two waves of sends in flight were the whole round), {@code -Dbench.steps.burst} (10000 at 200 ms). Nothing here asserts time; the table goes to
 * {@code target/bench/steps.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepDeliveryBench {

    private static final int WARMUP = Integer.getInteger("bench.steps.warmup", 10_000);
    private static final int FAST = Integer.getInteger("bench.steps.fast", 5_000);
    private static final int SLOW = Integer.getInteger("bench.steps.slow", 4_000);
    private static final int BURST = Integer.getInteger("bench.steps.burst", 10_000);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

    private static StubAssistant stub;
    private static ScratchDatabase database;
    private static ServiceInstance service;
    private static JdbcTemplate jdbc;
    private static int threads;
    private static double oursFast;
    private static double oursSlow;

    @BeforeAll
    static void start() throws IOException {
        stub = StubAssistant.start();
        database = ScratchDatabase.create("steps", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        Map<String, String> properties = ServiceProperties.of(database.url(), stub.port());
        // The engine and delivery as deployed: drop the test suite's fast-poll tuning.
        List.of("followup.jobs.poll-interval", "followup.jobs.lease-check-interval", "followup.jobs.backoff-initial",
                "followup.jobs.backoff-jitter").forEach(properties::remove);
        properties.put("followup.delivery.assistant.url", "http://127.0.0.1:" + stub.port() + StubAssistant.PATH);
        properties.put("logging.level.io.followup", "WARN");
        // -Dbench.steps.set=key=value,key=value: a setting changed for one run, e.g. followup.jobs.concurrency=64.
        for (String setting : System.getProperty("bench.steps.set", "").split(",")) {
            if (setting.contains("=")) {
                properties.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        service = ServiceInstance.start(properties);
        threads = service.bean(JobSettings.class).concurrency();
    }

    @Test
    @Order(1)
    void cpuBoundCeilingWithAStubAnsweringAtOnce() throws Exception {
        // Warm-up for the JIT, not reported: with 500 steps the next rounds still ran half-compiled code (a step cost
        // 3.5 ms at 200 ms, then 1.9 ms in the burst that came last).
        round(0, WARMUP);
        StepRun.Result result = round(0, FAST);
        row("%,d steps due at once, stub answers at once (the CPU-bound ceiling)".formatted(FAST), result, "");
    }

    @Test
    @Order(2)
    void stepsDueAtOnceAt200Milliseconds() throws Exception {
        StepRun.Result result = round(200, FAST);
        oursFast = result.rate();
        row("%,d steps due at once, stub answers in 200 ms".formatted(FAST), result, "");
    }

    @Test
    @Order(3)
    void stepsDueAtOnceAt2Seconds() throws Exception {
        StepRun.Result result = round(2_000, SLOW);
        oursSlow = result.rate();
        row("%,d steps due at once, stub answers in 2 s".formatted(SLOW), result, "");
    }

    @Test
    @Order(4)
    void burstAt200Milliseconds() throws Exception {
        StepRun.Result result = round(200, BURST);
        row("Burst: %,d steps due at once, stub answers in 200 ms".formatted(BURST), result,
                "; all started within %.1f s".formatted(result.startedMillis().get(result.startedMillis().size() - 1) / 1e3));
    }

    @Test
    @Order(5)
    void dbSchedulerWithTheSameThreads() throws Exception {
        DbSchedulerSteps.Result fast = DbSchedulerSteps.run(stubAt(200), FAST, threads, TIMEOUT);
        plain("db-scheduler 16.12, %,d jobs due at once, same blocking call, stub 200 ms, %d threads".formatted(FAST, threads),
                "%,.0f calls/s; CPU per job %s; %d failed".formatted(fast.rate(), fast.cpu(), fast.failed()));
        DbSchedulerSteps.Result slow = DbSchedulerSteps.run(stubAt(2_000), SLOW, threads, TIMEOUT);
        plain("db-scheduler 16.12, %,d jobs due at once, same blocking call, stub 2 s, %d threads".formatted(SLOW, threads),
                "%,.0f calls/s; CPU per job %s; %d failed".formatted(slow.rate(), slow.cpu(), slow.failed()));
        plain("Ratio followup-service / db-scheduler, same threads (200 ms / 2 s)",
                "**%.2fx / %.2fx**".formatted(oursFast / fast.rate(), oursSlow / slow.rate()));
        DbSchedulerSteps.Result sixteen = DbSchedulerSteps.run(stubAt(200), 400, 16, TIMEOUT);
        plain("db-scheduler 16.12, 400 jobs due at once, stub 200 ms, 16 threads (a thread-bound pick)",
                "%,.0f calls/s; CPU per job %s; %d failed".formatted(sixteen.rate(), sixteen.cpu(), sixteen.failed()));
    }

    @AfterAll
    static void stop() throws IOException {
        StringBuilder table = new StringBuilder("| measurement | sends/s | start lateness p50 / p99 / max | CPU per step | stub peak in flight | memory after |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        ROWS.forEach(row -> table.append(row).append('\n'));
        table.append("\nOne instance, defaults: followup.jobs.concurrency %d on %s threads; %d cores, Java %s (%s), %s\n".formatted(
                threads, JobThreads.virtualAvailable() ? "virtual" : "platform", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), Instant.now()));
        System.out.println(table);
        Path file = Path.of("target", "bench", "steps.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    private static StepRun.Result round(long delayMillis, int leads) throws Exception {
        stub.delay(delayMillis);
        StepRun run = new StepRun(service.api(), jdbc).enroll(leads);
        stub.takePeakInFlight();
        int answeredBefore = stub.answered();
        StepRun.Result result = run.sendAllAtOnce(leads, TIMEOUT);
        if (result.failed() > 0 || result.nextScheduled() != leads || stub.answered() - answeredBefore < leads) {
            throw new IllegalStateException("not every step went through: " + result.failed() + " not succeeded, "
                    + result.nextScheduled() + " next steps scheduled, " + (stub.answered() - answeredBefore) + " answered");
        }
        return result;
    }

    private static int stubAt(long delayMillis) {
        stub.delay(delayMillis);
        return stub.port();
    }

    private static void row(String measurement, StepRun.Result result, String note) {
        String line = "| %s | **%,.0f** | %s%s | %s | %d | %s |".formatted(measurement, result.rate(), result.lateness(), note,
                result.cpu(), stub.takePeakInFlight(), StepRun.memory());
        System.out.println(line);
        ROWS.add(line);
    }

    private static void plain(String measurement, String result) {
        String line = "| %s | %s | | | %d | %s |".formatted(measurement, result, stub.takePeakInFlight(), StepRun.memory());
        System.out.println(line);
        ROWS.add(line);
    }
}
