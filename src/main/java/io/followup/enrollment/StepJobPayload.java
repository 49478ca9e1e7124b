package io.followup.enrollment;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of a step job: which enrollment, which step. The enrollment holds the step's snapshot. */
record StepJobPayload(@JsonProperty("enrollment_id") UUID enrollmentId, int step) {
}
