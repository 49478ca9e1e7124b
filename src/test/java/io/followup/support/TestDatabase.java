package io.followup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL that tests (and the local launcher) talk to, started once per JVM. In order:
 * the server named by {@value #URL_ENV} (with {@value #USER_ENV} / {@value #PASSWORD_ENV}); a
 * Testcontainers PostgreSQL when a Docker engine answers; otherwise an embedded PostgreSQL whose
 * binaries come from Maven Central.
 */
public final class TestDatabase {

    public static final String URL_ENV = "FOLLOWUP_TEST_JDBC_URL";
    public static final String USER_ENV = "FOLLOWUP_TEST_JDBC_USER";
    public static final String PASSWORD_ENV = "FOLLOWUP_TEST_JDBC_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Connection shared;

    public record Connection(String url, String username, String password, String source) {
    }

    private TestDatabase() {
    }

    /** The database of this test run, started on first use. */
    public static synchronized Connection get() {
        if (shared == null) {
            shared = start(null);
            log.info("Test database: {} ({})", shared.url(), shared.source());
        }
        return shared;
    }

    /** An embedded PostgreSQL keeping its data in {@code dataDir} across restarts. */
    public static Connection embedded(Path dataDir) {
        return start(dataDir);
    }

    private static Connection start(Path persistentDataDir) {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Connection(url, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "postgres"), URL_ENV);
        }
        if (persistentDataDir == null && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            // Our own closer instead of the library's JVM shutdown hook: hooks run concurrently, so the
            // database would stop while the application is still handing its jobs back.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
            if (persistentDataDir != null) {
                builder.setDataDirectory(persistentDataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runnable close = () -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the data directory survives either way
                }
            };
            if (persistentDataDir != null) {
                // The local run: Spring Boot runs its shutdown handlers only after the application context
                // has closed, so the poller hands its jobs back while the database is still up.
                SpringApplication.getShutdownHandlers().add(close);
            }
            else {
                Runtime.getRuntime().addShutdownHook(new Thread(close));
            }
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded PostgreSQL");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
        }
    }

    /**
     * Asks Testcontainers only where a Docker engine could be: without one, its probe logs an ERROR
     * with a stack of failed strategies, which makes a healthy run on the embedded database look broken.
     */
    private static boolean dockerAvailable() {
        if (!dockerMayBeThere()) {
            log.info("No Docker engine configured (DOCKER_HOST, ~/.testcontainers.properties or a docker.sock): using embedded PostgreSQL");
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static boolean dockerMayBeThere() {
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null
                || System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")
                || Files.exists(Path.of(home, ".testcontainers.properties"))) {
            return true;
        }
        return Stream.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker", "run", "docker.sock"),
                        Path.of(home, ".docker", "desktop", "docker.sock"), Path.of(home, ".colima", "default", "docker.sock"),
                        Path.of(home, ".rd", "docker.sock"), runtimeDir == null ? null : Path.of(runtimeDir, "docker.sock"))
                .anyMatch(socket -> socket != null && Files.exists(socket));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
