package io.followup.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Which channel a Meta business phone number belongs to, from {@code followup.delivery.meta.channels}: Meta's
 * webhooks name the receiving number ({@code metadata.phone_number_id}), the service names channels.
 */
@Component
public class MetaPhoneNumbers {

    private final Map<String, String> channelByPhoneNumberId;

    MetaPhoneNumbers(DeliverySettings settings) {
        this.channelByPhoneNumberId = settings.meta().channels().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(entry -> entry.getValue().phoneNumberId(), Map.Entry::getKey,
                        (first, second) -> first));
    }

    /** The channel_id whose {@code phone-number-id} is {@code phoneNumberId}, if one is configured. */
    public Optional<String> channelOf(String phoneNumberId) {
        return phoneNumberId == null ? Optional.empty() : Optional.ofNullable(channelByPhoneNumberId.get(phoneNumberId));
    }
}
