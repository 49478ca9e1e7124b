package io.followup.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health detail {@code deliveryChannels}: the channels whose provider said the channel itself is broken, with
 * since-when and the provider's message, for whoever may read health details (scope {@code metrics:read}).
 *
 * <p>Always UP. A broken channel is a broken token or account at the provider: restarting this instance or taking
 * it out of the load balancer fixes nothing, and it still sends for every other channel and serves the APIs. So the
 * fault is a detail to read (and the gauge {@code followup_delivery_channels_faulty} to alert on), never a status
 * that would make Kubernetes or a load balancer drop a healthy instance. Not part of the liveness or readiness groups.
 */
@Component
final class DeliveryChannelsHealthIndicator implements HealthIndicator {

    private final ChannelFaults faults;

    DeliveryChannelsHealthIndicator(ChannelFaults faults) {
        this.faults = faults;
    }

    @Override
    public Health health() {
        Map<String, Object> channels = new LinkedHashMap<>();
        faults.snapshot().forEach((channel, fault) -> channels.put(channel, Map.of(
                "since", fault.since().toString(),
                "provider_message", fault.message() == null ? "" : fault.message())));
        return Health.up()
                .withDetail("faulty_channels", channels.size())
                .withDetail("faulty", channels)
                .build();
    }
}
