package io.followup.config;

import java.util.List;
import java.util.UUID;

/**
 * What enrollment needs of an assistant's active configuration, and nothing of its entity: the steps to
 * copy into an enrollment and the trigger statuses that start one.
 *
 * @param officialSteps the steps sent only to leads of one official WhatsApp channel
 */
public record SequenceSnapshot(UUID configId, List<UUID> triggerStatusIds, List<Step> steps,
        List<OfficialChannelSteps> officialSteps) {

    public SequenceSnapshot {
        triggerStatusIds = List.copyOf(triggerStatusIds);
        steps = List.copyOf(steps);
        officialSteps = List.copyOf(officialSteps);
    }

    public boolean isTrigger(UUID statusId) {
        return triggerStatusIds.contains(statusId);
    }
}
