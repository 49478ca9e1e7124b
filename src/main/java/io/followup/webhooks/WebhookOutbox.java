package io.followup.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.followup.external.ExternalTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records events for the subscriptions that want them, in the transaction of the change they tell of: an event exists
 * exactly when its change committed, and is delivered after (the job engine's outbox).
 */
@Component
public class WebhookOutbox {

    private final JdbcTemplate jdbc;
    private final DeliveryStore deliveries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(JdbcTemplate jdbc, DeliveryStore deliveries, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: for every active subscription of (audience, owner) whose event types include
     * {@code type}, inserts the event (the subscription's next sequence number) and its first delivery, and enqueues the
     * delivery job. {@code data} is serialised with the app's JsonMapper; {@code changes} may be null (else
     * {"field": {"old": x, "new": y}}). No subscription: nothing is written (one indexed query).
     *
     * @throws IllegalArgumentException if {@code type} is not one of the audience's event types
     */
    public void record(WebhookAudience audience, String owner, String type, Object data, Map<String, Object> changes) {
        requireCallersTransaction();
        Objects.requireNonNull(audience, "audience");
        if (type == null || !audience.eventTypes().contains(type)) {
            throw new IllegalArgumentException("Not an event type of " + audience + ": " + type);
        }
        if (owner == null || owner.length() > SubscriptionStore.MAX_OWNER_LENGTH) {
            return; // no subscription can have it
        }
        // One statement takes the next number of every matching subscription. The subquery locks them in ID order, so
        // two transactions recording for the same subscriptions wait for each other rather than deadlock; the lock
        // holds to commit, and a rollback gives the numbers back: per subscription, the sequence has no gaps.
        List<Numbered> numbered = jdbc.query("""
                UPDATE webhook_subscription s SET next_sequence = s.next_sequence + 1
                 WHERE s.id IN (SELECT id FROM webhook_subscription
                                 WHERE audience = ? AND owner = ? AND active AND ? = ANY (string_to_array(event_types, ' '))
                                 ORDER BY id FOR UPDATE)
                RETURNING s.id, s.next_sequence - 1 AS sequence""",
                (rs, n) -> new Numbered(rs.getObject("id", UUID.class), rs.getLong("sequence")), audience.name(), owner, type);
        if (numbered.isEmpty()) {
            return;
        }
        JsonNode dataNode = json.valueToTree(data);
        JsonNode changesNode = changes == null ? null : json.valueToTree(changes);
        Instant now = clock.instant();
        for (Numbered subscription : numbered) {
            write(subscription, type, dataNode, changesNode, now);
        }
    }

    /** A webhook.test event for this one subscription, whatever its types and even if inactive; its first delivery's ID. */
    UUID recordTest(UUID subscriptionId, Map<String, Object> data) {
        requireCallersTransaction();
        Long sequence = jdbc.queryForObject("""
                UPDATE webhook_subscription SET next_sequence = next_sequence + 1 WHERE id = ?
                RETURNING next_sequence - 1""", Long.class, subscriptionId);
        return write(new Numbered(subscriptionId, Objects.requireNonNull(sequence)), WebhookEvents.TEST, json.valueToTree(data),
                null, clock.instant());
    }

    private UUID write(Numbered subscription, String type, JsonNode data, JsonNode changes, Instant now) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId.toString());
        event.put("type", type);
        event.put("created_at", ExternalTimes.format(now));
        event.put("sequence", subscription.sequence());
        event.put("data", data);
        if (changes != null) {
            event.put("changes", changes);
        }
        // The bytes are kept as they are: every attempt posts, and signs, exactly these.
        byte[] body = json.writeValueAsBytes(Map.of("event", event));
        deliveries.insertEvent(eventId, subscription.id(), type, subscription.sequence(), body, now);
        return deliveries.schedule(eventId, subscription.id(), 1, false, now);
    }

    private record Numbered(UUID id, long sequence) {
    }

    /**
     * The event belongs to the caller's transaction, JPA or plain JDBC alike: checked by hand rather than with
     * {@code @Transactional(propagation = MANDATORY)}, which asks the JPA transaction manager only and so refused the step
     * job's JDBC transactions (io.followup.enrollment.StepProgress), though this class's JdbcTemplate joins them.
     */
    private static void requireCallersTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("WebhookOutbox records events in the caller's transaction; there is none");
        }
    }
}
