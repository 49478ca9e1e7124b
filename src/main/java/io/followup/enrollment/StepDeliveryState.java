package io.followup.enrollment;

import io.followup.delivery.ProviderStatus;

/**
 * How a provider's status moves a step whose message went out: forward only, sent -> delivered -> read, or sent ->
 * failed. Providers do not promise order ("the order of these notifications ... may not reflect the actual timing",
 * https://partner-docs.gupshup.io/docs/v3-message-events) and repeat themselves, so a late status only fills in a
 * time still unknown. Meta sends no "delivered" for a message read at once, "implied ... since it was read"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/),
 * so a read also sets the delivery time when none is known. A failure after delivery is not believed over it: the
 * message did reach the lead.
 */
final class StepDeliveryState {

    private StepDeliveryState() {
    }

    /** Whether the step's message went out, so statuses apply to it. */
    static boolean isOut(StepState state) {
        return state == StepState.SENT || state == StepState.DELIVERED || state == StepState.READ;
    }

    /** The step after the status; the same step when the status tells nothing new. */
    static EnrollmentStep apply(EnrollmentStep step, ProviderStatus status) {
        if (!isOut(step.state())) {
            return step;
        }
        String at = status.at().toString();
        return switch (status.status()) {
            case SENT -> step;
            case DELIVERED -> step.withDelivery(step.state() == StepState.SENT ? StepState.DELIVERED : step.state(),
                    step.deliveredAt() != null ? step.deliveredAt() : at, step.readAt(), step.finishedAt(), step.error(),
                    step.providerErrorCode());
            case READ -> step.withDelivery(StepState.READ, step.deliveredAt() != null ? step.deliveredAt() : at,
                    step.readAt() != null ? step.readAt() : at, step.finishedAt(), step.error(), step.providerErrorCode());
            case FAILED -> step.state() != StepState.SENT ? step : step.withDelivery(StepState.FAILED, null, null, at,
                    failure(status), status.errorCode());
        };
    }

    /** What the provider said about a failed message: its code and its words. */
    static String failure(ProviderStatus status) {
        String said = status.error() != null ? status.error() : "no reason given";
        return "The provider reported the message as failed" + (status.errorCode() != null ? " (code " + status.errorCode() + ")" : "")
                + ": " + said;
    }
}
