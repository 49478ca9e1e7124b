package io.followup.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A database of its own on the {@link TestDatabase} server, migrated by Flyway and dropped on
 * {@link #close()}. For tests that must not share the application's database, such as job engine
 * tests: the service's own poller (started by the Spring-context tests) would claim their jobs.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final TestDatabase.Connection server;
    private final String name;
    private final String url;
    private final HikariDataSource dataSource;

    private ScratchDatabase(TestDatabase.Connection server, String name, String url, HikariDataSource dataSource) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.dataSource = dataSource;
    }

    /** Creates {@code <prefix>_<random>}, runs the migrations and opens a pool of {@code maxPoolSize}. */
    public static ScratchDatabase create(String prefix, int maxPoolSize) {
        return create(prefix, maxPoolSize, "latest");
    }

    /** Like {@link #create(String, int)}, migrated only up to {@code version}: to test a later migration on rows. */
    public static ScratchDatabase create(String prefix, int maxPoolSize, String version) {
        TestDatabase.Connection server = TestDatabase.get();
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + name);
        String url = withDatabase(server.url(), name);
        ScratchDatabase database = new ScratchDatabase(server, name, url, pool(server, url, name, maxPoolSize));
        database.migrateTo(version);
        return database;
    }

    /** Runs the migrations up to {@code version} ("latest" for all). */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(url, server.username(), server.password())
                .locations("classpath:db/migration").target(version).load().migrate();
    }

    /** {@code jdbc:postgresql://host:port/<db>?params} with {@code <db>} replaced. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        int end = query < 0 ? jdbcUrl.length() : query;
        int slash = jdbcUrl.lastIndexOf('/', end - 1);
        if (!jdbcUrl.startsWith("jdbc:postgresql://") || slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database name: " + jdbcUrl);
        }
        return jdbcUrl.substring(0, slash + 1) + database + jdbcUrl.substring(end);
    }

    /** A connection pool of its own on this database, as another instance of the service would have; the caller closes it. */
    public HikariDataSource newPool(String poolName, int maxPoolSize) {
        return pool(server, url, poolName, maxPoolSize);
    }

    private static HikariDataSource pool(TestDatabase.Connection server, String url, String poolName, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        dataSource.close();
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(TestDatabase.Connection server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + server.url(), ex);
        }
    }
}
