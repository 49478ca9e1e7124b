package io.followup.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channels whose provider said the channel itself is broken (an expired token, a blocked account). Logged once
 * when a channel turns faulty and once when it sends again, not once per lead; counted in the gauge
 * {@code followup_delivery_channels_faulty} so an alert can name the outage.
 */
final class ChannelFaults {

    private static final Logger log = LoggerFactory.getLogger(ChannelFaults.class);

    private final Set<String> faulty = ConcurrentHashMap.newKeySet();

    ChannelFaults(MeterRegistry meters) {
        Gauge.builder("followup.delivery.channels.faulty", faulty, Set::size)
                .description("Channels whose provider refuses every send until someone fixes them (token, account)")
                .register(meters);
    }

    void faulty(StepDelivery delivery, DeliveryException fault) {
        String channel = key(delivery);
        if (faulty.add(channel)) {
            log.warn("Channel {} is faulty; its steps wait and retry without using attempts until it is fixed: {}",
                    channel, fault.getMessage());
        }
    }

    void sent(StepDelivery delivery) {
        if (!faulty.isEmpty() && faulty.remove(key(delivery))) {
            log.info("Channel {} sends again", key(delivery));
        }
    }

    boolean isFaulty(String channelKey) {
        return faulty.contains(channelKey);
    }

    static String key(StepDelivery delivery) {
        return delivery.channel().wire() + ":" + delivery.to().channelId();
    }
}
