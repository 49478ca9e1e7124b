package io.followup.config;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.web.Constraints;
import io.followup.web.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, reads, changes and deletes a tenant's follow-up configurations. */
@Service
@Transactional
class FollowupConfigService {

    private static final String ASSISTANT_CONSTRAINT = "uq_followup_config_assistant";

    private final FollowupConfigRepository configs;
    private final Clock clock;

    FollowupConfigService(FollowupConfigRepository configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    public FollowupConfig create(UUID tenantId, CreateConfigRequest request) {
        List<Step> steps = toSteps(request.steps());
        List<OfficialChannelSteps> officialSteps = toChannelSteps(request.officialSteps());
        FollowupConfigValidator.validate(request.triggerStatusIds(), steps, officialSteps);
        if (configs.existsByTenantIdAndAssistantId(tenantId, request.assistantId())) {
            throw ConfigConflictException.assistantTaken(request.assistantId());
        }
        FollowupConfig config = new FollowupConfig(tenantId, request.assistantId(), now());
        config.defineSequence(request.triggerStatusIds(), steps, officialSteps);
        if (request.isActive() != null) {
            config.setActive(request.isActive());
        }
        try {
            return configs.saveAndFlush(config);
        }
        catch (DataIntegrityViolationException ex) {
            // Two creates raced past the check above; the unique constraint decided.
            if (Constraints.violated(ex, ASSISTANT_CONSTRAINT)) {
                throw ConfigConflictException.assistantTaken(request.assistantId());
            }
            throw ex;
        }
    }

    @Transactional(readOnly = true)
    public FollowupConfig get(UUID tenantId, UUID id) {
        return configs.findByIdAndTenantId(id, tenantId).orElseThrow(() -> ConfigNotFoundException.byId(id));
    }

    @Transactional(readOnly = true)
    public FollowupConfig getByAssistant(UUID tenantId, UUID assistantId) {
        return configs.findByTenantIdAndAssistantId(tenantId, assistantId)
                .orElseThrow(() -> ConfigNotFoundException.byAssistant(assistantId));
    }

    @Transactional(readOnly = true)
    public Page<FollowupConfig> list(UUID tenantId, Pageable page) {
        return configs.findByTenantId(tenantId, page);
    }

    /**
     * Applies the fields present in the request and validates the result as a whole.
     * @param expectedVersion the version named by the client's If-Match, or null to skip that check
     */
    public FollowupConfig update(UUID tenantId, UUID id, UpdateConfigRequest request, Long expectedVersion) {
        FollowupConfig config = get(tenantId, id);
        checkVersion(config, expectedVersion);
        if (request.assistantId() != null && !request.assistantId().equals(config.getAssistantId())) {
            throw new InvalidRequestException(Map.of("assistant_id",
                    "assistant_id cannot be changed; delete this configuration and create one for the other assistant"));
        }
        List<UUID> triggers = request.triggerStatusIds() != null ? request.triggerStatusIds() : config.getTriggerStatusIds();
        List<Step> steps = request.steps() != null ? toSteps(request.steps()) : config.getSteps();
        List<OfficialChannelSteps> officialSteps = request.officialSteps() != null
                ? toChannelSteps(request.officialSteps()) : config.getOfficialSteps();
        FollowupConfigValidator.validate(triggers, steps, officialSteps);
        config.defineSequence(triggers, steps, officialSteps);
        if (request.isActive() != null) {
            config.setActive(request.isActive());
        }
        config.touch(now());
        return configs.saveAndFlush(config);
    }

    /** Deletes the configuration; enrollments already running keep their own snapshot of it. */
    public void delete(UUID tenantId, UUID id, Long expectedVersion) {
        FollowupConfig config = get(tenantId, id);
        checkVersion(config, expectedVersion);
        configs.delete(config);
        configs.flush();
    }

    private static void checkVersion(FollowupConfig config, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != config.getVersion()) {
            throw ConfigConflictException.staleVersion(config.getId(), config.getVersion());
        }
    }

    private Instant now() {
        // The clock ticks in microseconds, as PostgreSQL keeps them, so what we return equals what we stored.
        return clock.instant();
    }

    private static List<Step> toSteps(List<StepBody> bodies) {
        return bodies == null ? List.of() : bodies.stream().map(StepBody::toStep).toList();
    }

    private static List<OfficialChannelSteps> toChannelSteps(List<OfficialStepsBody> bodies) {
        return bodies == null ? List.of() : bodies.stream().map(OfficialStepsBody::toChannelSteps).toList();
    }
}
