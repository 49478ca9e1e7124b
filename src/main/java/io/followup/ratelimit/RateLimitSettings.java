package io.followup.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits of the external API, GetBill's by default (https://docs.getbill.io/rate-limits): 1,000 reads
 * and 500 writes an hour per OAuth client. Each budget is a token bucket of its {@code requests} that refills evenly
 * over {@code period}: a client may spend the whole hour's budget at once, then gets one request every
 * {@code period / requests}.
 *
 * @param enabled whether the external API is rate limited at all
 * @param store where the buckets live: {@code postgresql} (shared by every instance) or {@code local} (this instance's
 *        memory; N instances allow N times the limit)
 * @param reads reads (GET, HEAD) allowed per period, for every client without its own {@code reads}
 * @param writes writes (POST, PUT, PATCH, DELETE) allowed per period, for every client without its own {@code writes}
 * @param period the time a whole budget takes to refill, for every client without its own {@code period}
 * @param clients budgets of particular OAuth clients, by client ID ({@code client_id}, else {@code azp}, else {@code sub});
 *        what an entry leaves out is the default
 * @param cleanupInterval how often the buckets of clients idle long enough to be full again are deleted ({@code postgresql})
 * @param maxClients buckets kept in memory ({@code local}); beyond that the least recently seen clients start afresh
 */
@Validated
@ConfigurationProperties("followup.api.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("postgresql") @NotNull Store store,
        @DefaultValue("1000") @Min(1) long reads,
        @DefaultValue("500") @Min(1) long writes,
        @DefaultValue("1h") @NotNull Duration period,
        @DefaultValue Map<String, @Valid Client> clients,
        @DefaultValue("10m") @NotNull Duration cleanupInterval,
        @DefaultValue("100000") @Min(1) long maxClients) {

    enum Store { POSTGRESQL, LOCAL }

    /** One client's budgets; a {@code null} part is the default's. */
    record Client(@Min(1) Long reads, @Min(1) Long writes, Duration period) {
    }

    /** A budget: {@code requests} per {@code period}. */
    record Allowance(long requests, Duration period) {

        /** Up to {@code requests} at once, refilled evenly over {@code period}. */
        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                    .build();
        }
    }

    RateLimitSettings {
        requirePositive("followup.api.rate-limit.period", period);
        requirePositive("followup.api.rate-limit.cleanup-interval", cleanupInterval);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((client, own) -> {
            if (own.period() != null) {
                requirePositive("followup.api.rate-limit.clients." + client + ".period", own.period());
            }
        });
    }

    /** The budget of {@code clientId} that a request of {@code budget} counts against. */
    Allowance allowanceOf(String clientId, Budget budget) {
        Client own = clients.get(clientId);
        Long ownRequests = own == null ? null : budget == Budget.READS ? own.reads() : own.writes();
        long requests = ownRequests != null ? ownRequests : budget == Budget.READS ? reads : writes;
        return new Allowance(requests, own != null && own.period() != null ? own.period() : period);
    }

    /** How long an unused bucket takes to fill up again, after which forgetting it loses nothing. */
    Duration longestPeriod() {
        return clients.values().stream().map(Client::period).filter(p -> p != null)
                .reduce(period, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
