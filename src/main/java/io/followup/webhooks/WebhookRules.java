package io.followup.webhooks;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The checks of a subscription's fields that are not its URL's, and its secrets. */
final class WebhookRules {

    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    static final Duration MAX_GRACE = Duration.ofDays(7);
    static final int SECRET_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookRules() {
    }

    /** The types sorted, or a 400 naming event_types. */
    static List<String> eventTypes(WebhookAudience audience, Set<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw InvalidWebhookException.of("event_types", "event_types must name at least one event type");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String type : eventTypes) {
            if (type == null || !audience.eventTypes().contains(type)) {
                throw InvalidWebhookException.of("event_types", "event_types must be among "
                        + String.join(", ", new TreeSet<>(audience.eventTypes())));
            }
            sorted.add(type);
        }
        return List.copyOf(sorted);
    }

    /** The grace, 24 hours when null, or a 400 naming grace_period. */
    static Duration grace(Duration grace) {
        if (grace == null) {
            return DEFAULT_GRACE;
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw InvalidWebhookException.of("grace_period", "grace_period must be from PT0S to P7D");
        }
        return grace;
    }

    /** 32 random bytes as hex. */
    static String newSecret() {
        byte[] bytes = new byte[SECRET_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
