package io.followup.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every instance's poll loop about jobs enqueued due before its next poll, through PostgreSQL
 * LISTEN/NOTIFY on channel {@value #CHANNEL}. The payload is the due time in epoch milliseconds. One
 * connection per instance, outside the pool, listens; when it breaks the listener reconnects after a pause, and until
 * then the regular poll picks the jobs up. Turned off with {@code followup.jobs.listen-notify=false} (for
 * example behind a transaction-pooling PgBouncer, where LISTEN does not work).
 */
@Component
class JobNotifications implements SmartLifecycle {

    static final String CHANNEL = "followup_jobs";
    private static final Logger log = LoggerFactory.getLogger(JobNotifications.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final JobWakeups wakeups;
    private final JobSettings settings;
    private volatile Thread thread;

    JobNotifications(DataSource dataSource, JobWakeups wakeups, JobSettings settings) {
        this.dataSource = dataSource;
        this.wakeups = wakeups;
        this.settings = settings;
    }

    /** Sends the notification through {@code jdbc}; inside a transaction it is delivered when that commits. */
    static void send(JdbcTemplate jdbc, Instant runAt) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, Long.toString(runAt.toEpochMilli()));
    }

    @Override
    public void start() {
        if (!settings.enabled() || !settings.listenNotify()) {
            return;
        }
        thread = new Thread(this::listenUntilStopped, "job-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void listenUntilStopped() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = listeningConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (thread == Thread.currentThread()) {
                    PGNotification[] received = postgres.getNotifications((int) settings.pollInterval().toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            wake(notification.getParameter());
                        }
                    }
                }
            }
            catch (SQLException | RuntimeException ex) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("Listening for job notifications failed, retrying in {}: {}", RECONNECT_PAUSE, ex.toString());
                try {
                    Thread.sleep(RECONNECT_PAUSE.toMillis());
                }
                catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * A connection of its own, outside the pool, when the pool says how to open one: listening holds
     * it for good, and the pool's connections are for work. Otherwise one borrowed from the pool.
     */
    private Connection listeningConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            if (pool.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(pool.getDataSourceProperties());
                if (pool.getUsername() != null) {
                    properties.setProperty("user", pool.getUsername());
                }
                if (pool.getPassword() != null) {
                    properties.setProperty("password", pool.getPassword());
                }
                properties.setProperty("ApplicationName", "followup-job-notifications");
                return DriverManager.getConnection(pool.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }

    private void wake(String payload) {
        try {
            wakeups.dueAt(Instant.ofEpochMilli(Long.parseLong(payload)));
        }
        catch (NumberFormatException ex) {
            log.debug("Ignoring job notification with payload '{}'", payload);
        }
    }

    @Override
    public void stop() {
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
