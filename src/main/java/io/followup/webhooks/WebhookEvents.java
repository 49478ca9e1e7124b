package io.followup.webhooks;

import java.util.Set;

/** The event type names, as they go on the wire; one constant each, and the set each audience may subscribe to. */
public final class WebhookEvents {

    // External: GetBill's names (https://docs.getbill.io/guides/webhooks-integration); debt.deleted is our own.
    public static final String DEBT_CREATED = "debt.created";
    public static final String DEBT_UPDATED = "debt.updated";
    public static final String DEBT_STATUS_CHANGED = "debt.status_changed";
    public static final String DEBT_DELETED = "debt.deleted";
    public static final String FOLLOWUP_CREATED = "followup.created";
    public static final String FOLLOWUP_UPDATED = "followup.updated";
    public static final String FOLLOWUP_COMPLETED = "followup.completed";
    public static final String FOLLOWUP_FAILED = "followup.failed";

    // Backend: an enrollment's life and its steps.
    public static final String ENROLLMENT_STARTED = "enrollment.started";
    public static final String ENROLLMENT_STOPPED = "enrollment.stopped";
    public static final String ENROLLMENT_COMPLETED = "enrollment.completed";
    public static final String STEP_SENT = "step.sent";
    public static final String STEP_DELIVERED = "step.delivered";
    public static final String STEP_READ = "step.read";
    public static final String STEP_FAILED = "step.failed";
    public static final String STEP_SKIPPED = "step.skipped";
    public static final String LEAD_OPTED_OUT = "lead.opted_out";

    /** The "send a test event" call's; every subscription gets it whatever its types, and none can choose it. */
    public static final String TEST = "webhook.test";

    public static final Set<String> EXTERNAL = Set.of(DEBT_CREATED, DEBT_UPDATED, DEBT_STATUS_CHANGED, DEBT_DELETED,
            FOLLOWUP_CREATED, FOLLOWUP_UPDATED, FOLLOWUP_COMPLETED, FOLLOWUP_FAILED);

    public static final Set<String> BACKEND = Set.of(ENROLLMENT_STARTED, ENROLLMENT_STOPPED, ENROLLMENT_COMPLETED, STEP_SENT,
            STEP_DELIVERED, STEP_READ, STEP_FAILED, STEP_SKIPPED, LEAD_OPTED_OUT);

    private WebhookEvents() {
    }
}
