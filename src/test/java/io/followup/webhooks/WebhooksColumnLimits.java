package io.followup.webhooks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/** The webhook tables' columns by the rules that fill them, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class WebhooksColumnLimits {

    /** Text a caller gives (the URL) or the authenticated caller is (the owner), refused beyond its column's size. */
    public static final Map<String, Integer> VALIDATED = Map.of(
            "webhook_subscription.url", WebhookUrlGuard.MAX_URL_LENGTH,
            "webhook_subscription.owner", SubscriptionStore.MAX_OWNER_LENGTH);

    /** Text from outside (a receiver's failure), cut to its column's size. */
    public static final Map<String, Integer> CUT = Map.of("webhook_delivery.error", DeliveryStore.MAX_ERROR_LENGTH);

    /** Written by the service from a fixed set or a fixed form, to the longest such value. */
    public static final Map<String, Integer> FIXED_VALUES = Map.of(
            "webhook_subscription.audience", Arrays.stream(WebhookAudience.values()).mapToInt(a -> a.name().length()).max()
                    .orElseThrow(),
            "webhook_subscription.event_types", Math.max(joined(WebhookEvents.EXTERNAL.toArray(String[]::new)),
                    joined(WebhookEvents.BACKEND.toArray(String[]::new))),
            "webhook_subscription.secret", WebhookRules.SECRET_LENGTH,
            "webhook_subscription.previous_secret", WebhookRules.SECRET_LENGTH,
            "webhook_subscription.disabled_reason", (WebhookDeliveryJob.DISABLED_REASON + "9999d23h59m59s").length(),
            "webhook_event.type", longestType(),
            "webhook_delivery.status", "succeeded".length());

    private WebhooksColumnLimits() {
    }

    private static int joined(String[] types) {
        return String.join(" ", new TreeSet<>(Arrays.asList(types))).length();
    }

    private static int longestType() {
        TreeSet<String> all = new TreeSet<>(WebhookEvents.EXTERNAL);
        all.addAll(WebhookEvents.BACKEND);
        all.add(WebhookEvents.TEST);
        return all.stream().mapToInt(String::length).max().orElseThrow();
    }
}
