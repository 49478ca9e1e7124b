package io.followup.job;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/** Exponential backoff with jitter between attempts, from Spring's {@link ExponentialBackOff}. */
final class RetryPolicy {

    private final ExponentialBackOff backOff;

    RetryPolicy(JobSettings settings) {
        backOff = new ExponentialBackOff(settings.backoffInitial().toMillis(), settings.backoffMultiplier());
        backOff.setMaxInterval(settings.backoffMax().toMillis());
        backOff.setJitter(settings.backoffJitter().toMillis());
    }

    /** The wait after failed attempt number {@code attempt} (1-based), at least {@code floor} when given. */
    Duration delayAfter(int attempt, Duration floor) {
        BackOffExecution execution = backOff.start();
        long delay = 0;
        for (int i = 0; i < attempt; i++) {
            delay = execution.nextBackOff();
        }
        Duration wait = Duration.ofMillis(Math.max(delay, 0));
        return floor != null && floor.compareTo(wait) > 0 ? floor : wait;
    }
}
