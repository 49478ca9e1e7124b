package io.followup.callbacks;

import java.util.Locale;
import java.util.Optional;

import io.followup.delivery.ProviderStatus;

/**
 * The statuses a step records, by the names both providers use. Others carry nothing for a step: Gupshup's
 * "enqueued" only says it passed the message on (the step is already sent), "deleted", Meta's "warning", "played".
 */
final class StatusKinds {

    private StatusKinds() {
    }

    static Optional<ProviderStatus.Kind> of(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> Optional.of(ProviderStatus.Kind.SENT);
            case "delivered" -> Optional.of(ProviderStatus.Kind.DELIVERED);
            case "read" -> Optional.of(ProviderStatus.Kind.READ);
            case "failed" -> Optional.of(ProviderStatus.Kind.FAILED);
            default -> Optional.empty();
        };
    }
}
