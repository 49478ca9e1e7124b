package io.followup.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Channels whose provider said the channel itself is broken (an expired token, a blocked account). Logged once
 * when a channel turns faulty and once when it sends again, not once per lead; counted in the gauge
 * {@code followup_delivery_channels_faulty} so an alert can name the outage, and listed with since-when and the
 * provider's last word in the health detail {@code deliveryChannels} ({@link DeliveryChannelsHealthIndicator}).
 */
@Component
final class ChannelFaults {

    private static final Logger log = LoggerFactory.getLogger(ChannelFaults.class);

    /**
     * A faulty channel.
     *
     * @param since when the provider first said so (this instance's first faulty send)
     * @param message the provider's answer to the latest faulty send, as its error says it (status and body excerpt)
     */
    record Fault(Instant since, String message) {
    }

    private final Map<String, Fault> faulty = new ConcurrentHashMap<>();
    private final Clock clock;

    ChannelFaults(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder("followup.delivery.channels.faulty", faulty, Map::size)
                .description("Channels whose provider refuses every send until someone fixes them (token, account)")
                .register(meters);
    }

    void faulty(StepDelivery delivery, DeliveryException fault) {
        String channel = key(delivery);
        Fault previous = faulty.get(channel);
        Fault now = new Fault(previous != null ? previous.since() : clock.instant(), fault.getMessage());
        if (faulty.put(channel, now) == null) {
            log.warn("Channel {} is faulty; its steps wait and retry without using attempts until it is fixed: {}",
                    channel, fault.getMessage());
        }
    }

    void sent(StepDelivery delivery) {
        if (!faulty.isEmpty() && faulty.remove(key(delivery)) != null) {
            log.info("Channel {} sends again", key(delivery));
        }
    }

    boolean isFaulty(String channelKey) {
        return faulty.containsKey(channelKey);
    }

    /** The faulty channels now, by key ({@code <channel>:<channel_id>}), in key order. */
    Map<String, Fault> snapshot() {
        return new TreeMap<>(faulty);
    }

    static String key(StepDelivery delivery) {
        return delivery.channel().wire() + ":" + delivery.to().channelId();
    }
}
