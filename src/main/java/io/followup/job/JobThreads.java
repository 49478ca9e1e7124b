package io.followup.job;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads job handlers run on. A step job spends nearly all its time waiting for a provider (seconds for an
 * assistant writing with a language model), so the number of jobs running at once, not CPU, sets the send rate:
 * 250 sends/s at 2 s is 500 sends waiting at once. On a JVM with virtual threads (21+) each worker is a virtual
 * thread, a few kilobytes while it waits; on Java 17 a platform thread. Either way the workers form one bounded
 * pool of {@code concurrency} threads, started as jobs arrive and retired after {@link #IDLE_SECONDS} s without work, so an idle
 * instance holds few threads and the engine's semantics (at most this many running, the rest queued) do not
 * depend on the JVM. (A fixed pool of virtual threads, rather than one per task, keeps that bound in one place; the
 * threads cost nothing while parked.) Found by reflection: the code is compiled for Java 17.
 */
final class JobThreads {

    /** A worker without work this long ends; the pool starts it again when jobs come back. */
    static final long IDLE_SECONDS = 60;
    private static final String PREFIX = "job-";

    private JobThreads() {
    }

    /** Whether this JVM has virtual threads (Java 21+). */
    static boolean virtualAvailable() {
        return virtualFactory() != null;
    }

    /** A pool of at most {@code concurrency} workers, virtual ones where the JVM has them. */
    static ExecutorService pool(int concurrency) {
        ThreadFactory virtual = virtualFactory();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), virtual != null ? virtual : new CustomizableThreadFactory(PREFIX));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** {@code Thread.ofVirtual().name("job-", 0).factory()}, or null before Java 21. */
    private static ThreadFactory virtualFactory() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            Method name = type.getMethod("name", String.class, long.class);
            return (ThreadFactory) type.getMethod("factory").invoke(name.invoke(builder, PREFIX, 0L));
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }
}
