package io.followup.job;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job engine tests' database and pollers, after db-scheduler's EmbeddedPostgresqlExtension and
 * StopSchedulerExtension: one scratch database for the whole run (the Spring-context tests run the
 * service's poller on the shared database, and it would claim any job put there), an empty job table
 * before each test, and after it every gate opened and every poller the test started stopped.
 */
final class JobEngineExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JobEngineExtension.class);

    private final List<EnginePoller> pollers = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private volatile JdbcTemplate jdbc;

    @Override
    public void beforeEach(ExtensionContext context) {
        // Kept in the root store: created once, dropped (closed) when the run ends.
        ScratchDatabase database = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ScratchDatabase.class, type -> ScratchDatabase.create("engine", 40), ScratchDatabase.class);
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.update("TRUNCATE job");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        gates.forEach(CountDownLatch::countDown);
        pollers.forEach(EnginePoller::stop);
        pollers.clear();
        gates.clear();
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Starts a poller on {@code store} that is stopped after the test. */
    EnginePoller startPoller(JobStore store, JobSettings settings, Clock clock, MeterRegistry registry, JobHandler... handlers) {
        EnginePoller poller = new EnginePoller(store, settings, new JobMetrics(registry), clock, List.of(handlers));
        pollers.add(poller);
        poller.start();
        assertThat(poller.isRunning()).isTrue();
        return poller;
    }

    /** A latch that is opened after the test, so no handler waiting on it outlives the test. */
    CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }
}
