package io.followup.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The columns of a stored enrollment as {@link StepRows} reads them in plain SQL: a step job reads and writes its
 * enrollment without the persistence context, which cost it more than the rest of its database work together.
 */
record StoredEnrollment(UUID id, UUID tenantId, UUID assistantId, String leadId, String channelId, String leadPhone,
        String appId, UUID configId, Enrollment.Status status, String stopReason, UUID triggerStatusId,
        UUID[] triggerStatusIds, Instant triggeredAt, Map<String, String> lead, List<EnrollmentStep> steps, int currentStep,
        Instant createdAt, Instant updatedAt, Instant finishedAt) {
}
