package io.followup.job;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The job engine's periodic tasks, timed by {@link JobSettings} (one place for their defaults). Each
 * task checks whether it has work on this instance, so they are scheduled everywhere.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedule implements SchedulingConfigurer {

    /**
     * The shortest pause between polls: the claim timer sleeps until the next job is due anyway, and
     * this keeps jobs due a millisecond apart from being claimed one by one.
     */
    static final Duration POLL_PAUSE = Duration.ofMillis(10);

    private final ClaimTimer claims;
    private final LeaseKeeper leases;
    private final JobRetention retention;
    private final JobSettings settings;

    JobSchedule(ClaimTimer claims, LeaseKeeper leases, JobRetention retention, JobSettings settings) {
        this.claims = claims;
        this.leases = leases;
        this.retention = retention;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(claims::pollThenSleep, POLL_PAUSE, Duration.ZERO));
        tasks.addFixedDelayTask(new FixedDelayTask(leases::checkLeases, settings.leaseCheckInterval(), Duration.ZERO));
        tasks.addFixedDelayTask(new FixedDelayTask(retention::deleteOldJobs, settings.retentionInterval(), settings.retentionInterval()));
    }
}
