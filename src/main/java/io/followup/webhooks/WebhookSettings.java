package io.followup.webhooks;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbound webhooks' knobs ({@code followup.webhooks.*}).
 *
 * @param allowPrivateNetworks whether subscriptions may use plain http and target loopback, private and link-local
 *        addresses (a local run, tests); off in production, where such a URL could reach the service's own network
 * @param timeout longest wait for a receiver's whole answer, after which the attempt failed
 * @param connectTimeout longest wait for the connection to a receiver
 * @param retrySchedule waits before each retry of a failed attempt, in order; after the last, the delivery failed for good
 * @param disableAfter how long a subscription's deliveries may all fail before it is disabled
 */
@Validated
@ConfigurationProperties("followup.webhooks")
record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateNetworks,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotEmpty @DefaultValue({"1m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "8h"}) List<@NotNull Duration> retrySchedule,
        @NotNull @DefaultValue("24h") Duration disableAfter) {
}
