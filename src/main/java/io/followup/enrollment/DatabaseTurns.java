package io.followup.enrollment;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Lets step jobs use the database a few at a time, in arrival order. An instance holds a thousand step jobs waiting
 * on providers, but a pool of ten connections: with all of them asking at once the pool's hand-off spins, serves
 * them in no order, and some wait past its connection timeout, failing a step that was already sent. Waiting here
 * instead parks the job (a virtual thread costs nothing while parked) and leaves the pool as many borrowers as it
 * has connections, less two for the poller and the outcome recorder. The send itself happens outside a turn.
 */
@Component
class DatabaseTurns {

    /** Connections left to the job engine's own poller and outcome recorder. */
    static final int ENGINE_SHARE = 2;

    private final Semaphore turns;

    @Autowired
    DatabaseTurns(DataSource dataSource) {
        this(permitsFor(dataSource));
    }

    DatabaseTurns(int permits) {
        this.turns = new Semaphore(permits, true);
    }

    private static int permitsFor(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariConfigMXBean.class)) {
                return Math.max(1, dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize() - ENGINE_SHARE);
            }
        }
        catch (java.sql.SQLException ex) {
            // Not a Hikari pool: the default below.
        }
        return 8;
    }

    int permits() {
        return turns.availablePermits();
    }

    <T> T call(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        }
        finally {
            turns.release();
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
