package io.followup.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-integrator rate limit of the external API: a token bucket of {@code requests} that refills
 * evenly over {@code period}, so a client may burst up to {@code requests} and then sustain
 * {@code requests / period}. The default is a guard against runaway integrations, not a quota.
 *
 * @param enabled whether the external API is rate limited at all
 * @param requests requests allowed per period, for every client without an entry in {@code clients}
 * @param period the time the whole allowance takes to refill
 * @param clients allowances of particular OAuth clients, by client ID ({@code client_id}, else {@code azp}, else {@code sub})
 * @param maxClients buckets kept in memory; beyond that the least recently seen clients start afresh
 */
@Validated
@ConfigurationProperties("followup.api.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5000") @Min(1) long requests,
        @DefaultValue("1s") @NotNull Duration period,
        @DefaultValue Map<String, @Valid Allowance> clients,
        @DefaultValue("100000") @Min(1) long maxClients) {

    /** An allowance: {@code requests} per {@code period}. */
    public record Allowance(@Min(1) long requests, @NotNull Duration period) {
    }

    public RateLimitSettings {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("followup.api.rate-limit.period must be positive");
        }
        clients.forEach((client, allowance) -> {
            if (allowance.period() == null || allowance.period().isNegative() || allowance.period().isZero()) {
                throw new IllegalArgumentException("followup.api.rate-limit.clients." + client + ".period must be positive");
            }
        });
        clients = Map.copyOf(clients);
    }

    Allowance allowanceOf(String clientId) {
        Allowance own = clients.get(clientId);
        return own != null ? own : new Allowance(requests, period);
    }

    /** How long an unused bucket takes to fill up again, after which forgetting it loses nothing. */
    Duration longestPeriod() {
        return clients.values().stream().map(Allowance::period).reduce(period, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
}
