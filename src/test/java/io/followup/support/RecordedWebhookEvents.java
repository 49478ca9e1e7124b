package io.followup.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookSubscriptions;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook events recorded for a subscription, read from {@code webhook_event} as their bodies will be posted. */
public final class RecordedWebhookEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One recorded event: its row's type and sequence, and the {@code event} member of its body. */
    public record Event(String type, long sequence, JsonNode event) {

        public JsonNode data() {
            return event.get("data");
        }

        /** The {@code changes} member; null when the event has none. */
        public JsonNode changes() {
            return event.get("changes");
        }
    }

    private RecordedWebhookEvents() {
    }

    /** A new active subscription of {@code owner} to {@code types}; its ID. */
    public static UUID subscribe(WebhookSubscriptions subscriptions, WebhookAudience audience, String owner, String url,
            Set<String> types) {
        return subscriptions.create(audience, owner, url, types).subscription().id();
    }

    /** The subscription's events in sequence order. */
    public static List<Event> of(JdbcTemplate jdbc, UUID subscription) {
        return jdbc.query("SELECT type, sequence, convert_from(body, 'UTF8') FROM webhook_event WHERE subscription_id = ? ORDER BY sequence",
                (rs, row) -> {
                    JsonNode body = JSON.readTree(rs.getString(3));
                    return new Event(rs.getString(1), rs.getLong(2), body.get("event"));
                }, subscription);
    }

    public static List<String> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }
}
