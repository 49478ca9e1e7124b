package io.followup.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that cannot be reached (a 503: retry later) from a fault of ours (a 500). */
final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseFailures() {
    }

    /** Whether {@code failure} or anything it wraps says the database could not be reached or the connection broke. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException sql && sql.getSQLState() == null) {
                // The connection refused the rollback or commit itself, with no word from PostgreSQL (which always sends
                // a SQLSTATE): the pool closed it after it broke, and the failure that broke it was replaced by this one
                // on the way out of the transaction.
                return true;
            }
        }
        return false;
    }
}
