package io.followup.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database being unreachable (503) rather than a fault of ours (500). */
class DatabaseFailuresTests {

    @Test
    void aPoolThatCannotConnectIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("Could not open JPA EntityManager"))).isTrue();
    }

    @Test
    void aConnectionLostMidRequestIsUnavailableEvenWhenWrapped() {
        SQLException reset = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("wrapped", reset))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new JpaSystemException(new JDBCConnectionException("lost", reset)))).isTrue();
        // What Spring throws when the rollback after a lost connection fails too (the first failure is gone by then).
        assertThat(DatabaseFailures.isUnavailable(new JpaSystemException(
                new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new JpaSystemException(new TransactionException("no transaction in progress")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new JpaSystemException(new TransactionException("Unable to commit against JDBC Connection",
                new SQLException("could not serialize access", "40001"))))).isFalse();
    }
}
