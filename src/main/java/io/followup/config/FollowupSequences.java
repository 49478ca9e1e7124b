package io.followup.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The face of {@code config} for other features: an assistant's active sequence as a snapshot, never the entity.
 * Every lead event asks for it, so it is one plain read (in the caller's transaction, if any) rather than an entity
 * load through Hibernate, which was a fifth of a single event's CPU. The jsonb is the JSON Hibernate writes from the
 * same records ({@link Step}'s Jackson annotations, which Jackson 2 and 3 both read).
 */
@Service
public class FollowupSequences {

    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<OfficialChannelSteps>> OFFICIAL_STEPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    /** Lenient with a field a newer version of the service may have stored. */
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    FollowupSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The assistant's configuration, if it has one and it is active (an inactive one enrolls no one). */
    public Optional<SequenceSnapshot> findActive(UUID tenantId, UUID assistantId) {
        return jdbc.query("""
                SELECT id, trigger_status_ids, steps::text, official_steps::text FROM followup_config
                WHERE tenant_id = ? AND assistant_id = ? AND is_active
                """, (rs, row) -> new SequenceSnapshot(rs.getObject(1, UUID.class), List.of((UUID[]) rs.getArray(2).getArray()),
                json.readValue(rs.getString(3), STEPS), json.readValue(rs.getString(4), OFFICIAL_STEPS)),
                tenantId, assistantId).stream().findFirst();
    }
}
