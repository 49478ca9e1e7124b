package io.followup.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The webhook_subscription table, in the caller's transaction. */
@Component
class SubscriptionStore {

    /** The owner column's size: a company_id or a tenant UUID, both bounded where the caller is authenticated. */
    static final int MAX_OWNER_LENGTH = 100;
    static final int MAX_DISABLED_REASON_LENGTH = 200;

    private static final String COLUMNS = """
            id, audience, owner, url, event_types, secret, previous_secret, previous_secret_expires_at, active,
            disabled_reason, disabled_at, failing_since, created_at, updated_at""";

    private final JdbcTemplate jdbc;

    SubscriptionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredSubscription s) {
        jdbc.update("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.audience().name(), s.owner(), s.url(), String.join(" ", s.eventTypes()), s.secret(), s.previousSecret(),
                ts(s.previousSecretExpiresAt()), s.active(), s.disabledReason(), ts(s.disabledAt()), ts(s.failingSince()),
                ts(s.createdAt()), ts(s.updatedAt()));
    }

    /** The subscription if it is (audience, owner)'s; {@code lock} takes its row lock for an update. */
    Optional<StoredSubscription> find(WebhookAudience audience, String owner, UUID id, boolean lock) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ? AND audience = ? AND owner = ?"
                + (lock ? " FOR UPDATE" : ""), SubscriptionStore::row, id, audience.name(), owner).stream().findFirst();
    }

    List<StoredSubscription> page(WebhookAudience audience, String owner, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " " + """
                FROM webhook_subscription WHERE audience = ? AND owner = ?
                 ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""", SubscriptionStore::row, audience.name(), owner, limit, offset);
    }

    long count(WebhookAudience audience, String owner) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_subscription WHERE audience = ? AND owner = ?", Long.class,
                audience.name(), owner);
        return count == null ? 0 : count;
    }

    /** Writes every field a caller may change (url, types, secrets, active and the disabled state), and updated_at. */
    void update(StoredSubscription s) {
        jdbc.update("""
                UPDATE webhook_subscription SET url = ?, event_types = ?, secret = ?, previous_secret = ?,
                       previous_secret_expires_at = ?, active = ?, disabled_reason = ?, disabled_at = ?, failing_since = ?,
                       updated_at = ?
                 WHERE id = ?""", s.url(), String.join(" ", s.eventTypes()), s.secret(), s.previousSecret(),
                ts(s.previousSecretExpiresAt()), s.active(), s.disabledReason(), ts(s.disabledAt()), ts(s.failingSince()),
                ts(s.updatedAt()), s.id());
    }

    boolean delete(WebhookAudience audience, String owner, UUID id) {
        return jdbc.update("DELETE FROM webhook_subscription WHERE id = ? AND audience = ? AND owner = ?", id, audience.name(),
                owner) == 1;
    }

    static StoredSubscription row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredSubscription(rs.getObject("id", UUID.class), WebhookAudience.valueOf(rs.getString("audience")),
                rs.getString("owner"), rs.getString("url"), Arrays.asList(rs.getString("event_types").split(" ")),
                rs.getString("secret"), rs.getString("previous_secret"), instant(rs, "previous_secret_expires_at"),
                rs.getBoolean("active"), rs.getString("disabled_reason"), instant(rs, "disabled_at"), instant(rs, "failing_since"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
