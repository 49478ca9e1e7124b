package io.followup.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code Idempotency-Key} of the external API's creates.
 *
 * @param ttl how long a key is remembered after its first use; after that it is new again
 * @param inProgressTimeout how long a claimed key stays in progress before another request may take it
 *        over (its first request's instance died before answering)
 * @param cleanupInterval how often expired keys are deleted (on instances that run jobs)
 */
@Validated
@ConfigurationProperties("followup.api.idempotency")
record IdempotencySettings(
        @DefaultValue("24h") @NotNull Duration ttl,
        @DefaultValue("1m") @NotNull Duration inProgressTimeout,
        @DefaultValue("1h") @NotNull Duration cleanupInterval) {

    public IdempotencySettings {
        if (!positive(ttl) || !positive(inProgressTimeout) || !positive(cleanupInterval)) {
            throw new IllegalArgumentException("followup.api.idempotency durations must be positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
