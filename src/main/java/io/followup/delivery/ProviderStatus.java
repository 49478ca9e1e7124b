package io.followup.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider's status callback said about a message this service sent (Meta {@code statuses}, Gupshup
 * message events). Published by the callbacks module inside its transaction; the enrollment module applies it
 * to the step that sent the message. A status for a message no step knows is ignored by whoever applies it.
 *
 * @param channel the provider the callback came from
 * @param providerMessageId the ID the provider gave the message when it accepted it ({@code wamid...}, Gupshup's
 *        messageId); may be null when only {@code stepKey} identifies it
 * @param stepKey the step's idempotency key when the provider echoes it (Meta {@code biz_opaque_callback_data}), else null
 * @param status sent, delivered, read or failed
 * @param at when the provider says it happened
 * @param errorCode the provider's error code of a failed status (131026, 1012, ...), else null
 * @param error the provider's error title or message of a failed status, bounded, else null
 */
public record ProviderStatus(DeliveryChannel channel, String providerMessageId, String stepKey, Kind status, Instant at,
        String errorCode, String error) {

    public ProviderStatus {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    /** In the order a message goes through them; a status never moves a step to an earlier one. */
    public enum Kind {
        SENT, DELIVERED, READ, FAILED
    }
}
