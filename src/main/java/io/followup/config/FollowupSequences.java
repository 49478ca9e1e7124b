package io.followup.config;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The face of {@code config} for other features: an assistant's active sequence as a snapshot, never the entity. */
@Service
public class FollowupSequences {

    private final FollowupConfigRepository configs;

    FollowupSequences(FollowupConfigRepository configs) {
        this.configs = configs;
    }

    /** The assistant's configuration, if it has one and it is active (an inactive one enrolls no one). */
    @Transactional(readOnly = true)
    public Optional<SequenceSnapshot> findActive(UUID tenantId, UUID assistantId) {
        return configs.findByTenantIdAndAssistantId(tenantId, assistantId)
                .filter(FollowupConfig::isActive)
                .map(SequenceSnapshot::of);
    }
}
