package io.followup.job;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One engine as the service runs it, in an application context of its own with its own connection
 * pool: dispatcher, its scheduled claim timer, lease check and retention, LISTEN/NOTIFY listener and queue, with the given handler. Several of these
 * on one database behave as several instances of the service.
 */
final class EngineInstance implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;
    private final HikariDataSource pool;

    private EngineInstance(AnnotationConfigApplicationContext context, HikariDataSource pool) {
        this.context = context;
        this.pool = pool;
    }

    static EngineInstance start(ScratchDatabase database, String name, JobSettings settings, JobHandler handler) {
        HikariDataSource pool = database.newPool(name, Math.min(settings.concurrency(), 16) + 4);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> pool);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(pool));
        context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        context.registerBean(JobSettings.class, () -> settings);
        context.registerBean(JobHandler.class, () -> handler);
        context.registerBean(JobMetrics.class);
        context.registerBean(JobStore.class);
        context.registerBean(JobWakeups.class);
        context.registerBean(JobDispatcher.class);
        context.registerBean(ClaimTimer.class);
        context.registerBean(LeaseKeeper.class);
        context.registerBean(JobRetention.class);
        context.registerBean(JobSchedule.class);
        context.registerBean(JobNotifications.class);
        context.registerBean(JobQueue.class);
        context.registerBean(Scheduling.class);
        context.registerBean("taskScheduler", ThreadPoolTaskScheduler.class, () -> {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(3);
            scheduler.setThreadNamePrefix(name + "-scheduling-");
            return scheduler;
        });
        context.refresh();
        return new EngineInstance(context, pool);
    }

    @EnableScheduling
    static class Scheduling {
    }

    JobQueue queue() {
        return context.getBean(JobQueue.class);
    }

    /** Runs {@code work} in one transaction on this instance's pool, as a request of the service would. */
    void inTransaction(Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(status -> work.run());
    }

    @Override
    public void close() {
        context.close();
        pool.close();
    }
}
