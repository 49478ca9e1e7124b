package io.followup.job;

import java.time.Clock;
import java.util.List;

/**
 * One instance's engine as the tests drive it by hand: its dispatcher and lease keeper, without the
 * scheduler, so a test decides when to poll and when leases are checked.
 */
final class EnginePoller {

    private final JobDispatcher dispatcher;
    private final LeaseKeeper leases;

    EnginePoller(JobStore store, JobSettings settings, JobMetrics metrics, Clock clock, List<JobHandler> handlers) {
        this.dispatcher = new JobDispatcher(store, settings, metrics, clock, handlers);
        this.leases = new LeaseKeeper(dispatcher, store, metrics, settings, clock);
    }

    void start() {
        dispatcher.start();
    }

    void poll() {
        dispatcher.poll();
    }

    void checkLeases() {
        leases.checkLeases();
    }

    void stop() {
        dispatcher.stop();
    }

    boolean isRunning() {
        return dispatcher.isRunning();
    }

    String owner() {
        return dispatcher.owner();
    }
}
