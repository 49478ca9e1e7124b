package io.followup.idempotency;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code idempotency_key} table; every statement is its own transaction. */
@Repository
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /** What a claim found: either the key is now this request's, or an earlier request holds it. */
    sealed interface Claim permits Claimed, Held {
    }

    record Claimed(UUID owner) implements Claim {
    }

    /** The row of an earlier request with the same key; {@code responseStatus} is null while it is in progress. */
    record Held(byte[] requestHash, Integer responseStatus, Map<String, String> responseHeaders, byte[] responseBody)
            implements Claim {

        boolean inProgress() {
            return responseStatus == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IdempotencyStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the key for this request in one statement: a new key, an expired one, or one left in progress
     * past its lock by a request with the same hash. Otherwise returns the row that holds it.
     */
    Claim claim(String client, String key, byte[] requestHash, Instant now, Instant lockedUntil, Instant expiresAt) {
        for (int attempt = 0; ; attempt++) {
            UUID owner = UUID.randomUUID();
            List<Boolean> claimed = jdbc.query("""
                    INSERT INTO idempotency_key AS k (client_key, idempotency_key, request_hash, status, owner, locked_until,
                                                      created_at, expires_at)
                    VALUES (?, ?, ?, 'in_progress', ?, ?, ?, ?)
                    ON CONFLICT (client_key, idempotency_key) DO UPDATE
                       SET request_hash = EXCLUDED.request_hash, status = 'in_progress', owner = EXCLUDED.owner,
                           locked_until = EXCLUDED.locked_until, response_status = NULL, response_headers = NULL,
                           response_body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                     WHERE k.expires_at <= EXCLUDED.created_at
                        OR (k.status = 'in_progress' AND k.locked_until <= EXCLUDED.created_at
                            AND k.request_hash = EXCLUDED.request_hash)
                    RETURNING true""", (rs, row) -> true,
                    client, key, requestHash, owner, ts(lockedUntil), ts(now), ts(expiresAt));
            if (!claimed.isEmpty()) {
                return new Claimed(owner);
            }
            Optional<Held> held = find(client, key);
            // the row went (cleanup) between the two statements: claim again
            if (held.isPresent() || attempt == 2) {
                return held.orElseThrow(() -> new IllegalStateException("Idempotency key neither claimable nor held"));
            }
        }
    }

    /** Keeps the response of the request that claimed the key, for replays. */
    void complete(String client, String key, UUID owner, int status, Map<String, String> headers, byte[] body) {
        jdbc.update("""
                UPDATE idempotency_key SET status = 'completed', locked_until = NULL, response_status = ?,
                       response_headers = ?::jsonb, response_body = ?
                 WHERE client_key = ? AND idempotency_key = ? AND owner = ?""",
                status, json.writeValueAsString(headers), body, client, key, owner);
    }

    /** Frees the key after a failure, so that a retry runs the request again. */
    void release(String client, String key, UUID owner) {
        jdbc.update("DELETE FROM idempotency_key WHERE client_key = ? AND idempotency_key = ? AND owner = ? AND status = 'in_progress'",
                client, key, owner);
    }

    int deleteExpired(Instant now, int batch) {
        return jdbc.update("""
                DELETE FROM idempotency_key WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM idempotency_key WHERE expires_at <= ? LIMIT ?))""", ts(now), batch);
    }

    private Optional<Held> find(String client, String key) {
        return jdbc.query("""
                SELECT request_hash, response_status, response_headers, response_body FROM idempotency_key
                 WHERE client_key = ? AND idempotency_key = ?""",
                (rs, row) -> {
                    String headers = rs.getString("response_headers");
                    return new Held(rs.getBytes("request_hash"), (Integer) rs.getObject("response_status"),
                            headers == null ? Map.of() : json.readValue(headers, HEADERS), rs.getBytes("response_body"));
                },
                client, key).stream().findFirst();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
