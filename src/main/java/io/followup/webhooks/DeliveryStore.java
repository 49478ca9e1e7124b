package io.followup.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.followup.job.JobQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static io.followup.webhooks.SubscriptionStore.instant;
import static io.followup.webhooks.SubscriptionStore.ts;

/** The webhook_event and webhook_delivery tables, and the jobs that send deliveries; in the caller's transaction. */
@Component
class DeliveryStore {

    static final String JOB_KIND = "webhook.deliver";
    static final String PAYLOAD_DELIVERY_ID = "delivery_id";
    /** The error column's size: errors are cut to it. */
    static final int MAX_ERROR_LENGTH = 500;
    static final int MAX_TYPE_LENGTH = 50;

    private static final String VIEW = """
            SELECT d.id, d.event_id, e.type, e.sequence, d.attempt, d.status, d.status_code, d.latency_ms, d.error, d.due_at,
                   d.attempted_at
              FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id""";

    private final JdbcTemplate jdbc;
    private final JobQueue jobs;

    DeliveryStore(JdbcTemplate jdbc, JobQueue jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    void insertEvent(UUID eventId, UUID subscriptionId, String type, long sequence, byte[] body, Instant createdAt) {
        jdbc.update("INSERT INTO webhook_event (id, subscription_id, type, sequence, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                eventId, subscriptionId, type, sequence, body, ts(createdAt));
    }

    /** A new pending delivery of the event and the job that sends it at {@code dueAt}. */
    UUID schedule(UUID eventId, UUID subscriptionId, int attempt, boolean redelivery, Instant dueAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook_delivery (id, event_id, subscription_id, attempt, redelivery, status, due_at)
                VALUES (?, ?, ?, ?, ?, 'pending', ?)""", id, eventId, subscriptionId, attempt, redelivery, ts(dueAt));
        jobs.enqueue(JOB_KIND, Map.of(PAYLOAD_DELIVERY_ID, id.toString()), dueAt, JOB_KIND + ":" + id);
        return id;
    }

    Optional<DeliveryView> find(UUID subscriptionId, UUID deliveryId) {
        return jdbc.query(VIEW + " WHERE d.id = ? AND d.subscription_id = ?", DeliveryStore::view, deliveryId, subscriptionId)
                .stream().findFirst();
    }

    /** Newest first: by when each attempt was due. */
    List<DeliveryView> page(UUID subscriptionId, long offset, int limit) {
        return jdbc.query(VIEW + " WHERE d.subscription_id = ? ORDER BY d.due_at DESC, d.id DESC LIMIT ? OFFSET ?",
                DeliveryStore::view, subscriptionId, limit, offset);
    }

    long count(UUID subscriptionId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?", Long.class,
                subscriptionId);
        return count == null ? 0 : count;
    }

    /** What the delivery job needs: the delivery, its event and its subscription; empty if deleted with the subscription. */
    Optional<Attempt> forSending(UUID deliveryId) {
        return jdbc.query("""
                SELECT d.id, d.event_id, d.subscription_id, d.attempt, d.redelivery, d.status, e.type, e.sequence, e.body,
                       s.audience, s.url, s.secret, s.previous_secret, s.previous_secret_expires_at, s.active
                  FROM webhook_delivery d
                  JOIN webhook_event e ON e.id = d.event_id
                  JOIN webhook_subscription s ON s.id = d.subscription_id
                 WHERE d.id = ?""", (rs, n) -> new Attempt(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getObject("subscription_id", UUID.class), rs.getInt("attempt"), rs.getBoolean("redelivery"),
                rs.getString("status"), rs.getString("type"), rs.getLong("sequence"), rs.getBytes("body"),
                WebhookAudience.valueOf(rs.getString("audience")), rs.getString("url"), rs.getString("secret"),
                rs.getString("previous_secret"), instant(rs, "previous_secret_expires_at"), rs.getBoolean("active")), deliveryId)
                .stream().findFirst();
    }

    /**
     * Records what came of a pending delivery.
     * @return false if it was not pending any more (another run of its job recorded it first)
     */
    boolean recordOutcome(UUID deliveryId, boolean succeeded, Integer statusCode, Long latencyMs, String error, Instant at) {
        return jdbc.update("""
                UPDATE webhook_delivery SET status = ?, status_code = ?, latency_ms = ?, error = ?, attempted_at = ?
                 WHERE id = ? AND status = 'pending'""", succeeded ? "succeeded" : "failed", statusCode, latencyMs,
                cut(error), ts(at), deliveryId) == 1;
    }

    /** Stops a subscription's pending deliveries: they are failed, never sent. */
    int failPending(UUID subscriptionId, String error, Instant at) {
        return jdbc.update("UPDATE webhook_delivery SET status = 'failed', error = ?, attempted_at = ? "
                + "WHERE subscription_id = ? AND status = 'pending'", cut(error), ts(at), subscriptionId);
    }

    static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static DeliveryView view(ResultSet rs, int rowNum) throws SQLException {
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("type"),
                rs.getLong("sequence"), rs.getInt("attempt"), rs.getString("status"), rs.getObject("status_code", Integer.class),
                rs.getObject("latency_ms", Long.class), rs.getString("error"), instant(rs, "due_at"), instant(rs, "attempted_at"));
    }

    /** A delivery about to be sent, with its event and its subscription's URL and secrets. */
    record Attempt(UUID deliveryId, UUID eventId, UUID subscriptionId, int attempt, boolean redelivery, String status,
            String type, long sequence, byte[] body, WebhookAudience audience, String url, String secret,
            String previousSecret, Instant previousSecretExpiresAt, boolean active) {

        String previousSecretAt(Instant now) {
            return previousSecret != null && previousSecretExpiresAt.isAfter(now) ? previousSecret : null;
        }

        @Override
        public String toString() {
            return "Attempt[delivery=" + deliveryId + ", event=" + eventId + ", attempt=" + attempt + "]";
        }
    }
}
