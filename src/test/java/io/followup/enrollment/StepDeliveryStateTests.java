package io.followup.enrollment;

import java.time.Instant;
import java.util.List;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.ProviderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Statuses only move a sent step forward, whatever order they come in. */
class StepDeliveryStateTests {

    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-01T10:05:00Z");

    private final EnrollmentStep sent = EnrollmentStep.planned(1, "official_steps", "PT30M", null, "reengagement_v1", "en",
            List.of(), "app", DeliveryChannel.WHATSAPP_META).scheduled(T1, 7).sent(T1, "wamid.1");

    @Test
    void sentDeliveredReadInOrder() {
        EnrollmentStep delivered = StepDeliveryState.apply(sent, status(ProviderStatus.Kind.DELIVERED, T1));
        EnrollmentStep read = StepDeliveryState.apply(delivered, status(ProviderStatus.Kind.READ, T2));

        assertThat(delivered.state()).isEqualTo(StepState.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(T1.toString());
        assertThat(read.state()).isEqualTo(StepState.READ);
        assertThat(read.deliveredAt()).isEqualTo(T1.toString());
        assertThat(read.readAt()).isEqualTo(T2.toString());
    }

    @Test
    void nothingMovesAReadStepBack() {
        EnrollmentStep read = StepDeliveryState.apply(sent, status(ProviderStatus.Kind.READ, T2));
        for (ProviderStatus.Kind kind : ProviderStatus.Kind.values()) {
            assertThat(StepDeliveryState.apply(read, status(kind, T1))).as(kind.name()).isEqualTo(read);
        }
    }

    @Test
    void aFailureFailsOnlyAStepNotYetDelivered() {
        ProviderStatus failed = new ProviderStatus(DeliveryChannel.WHATSAPP_META, "wamid.1", null, ProviderStatus.Kind.FAILED, T2,
                "131026", "Message undeliverable");
        EnrollmentStep failedStep = StepDeliveryState.apply(sent, failed);
        EnrollmentStep delivered = StepDeliveryState.apply(sent, status(ProviderStatus.Kind.DELIVERED, T1));

        assertThat(failedStep.state()).isEqualTo(StepState.FAILED);
        assertThat(failedStep.providerErrorCode()).isEqualTo("131026");
        assertThat(failedStep.error()).isEqualTo("The provider reported the message as failed (code 131026): Message undeliverable");
        assertThat(failedStep.finishedAt()).isEqualTo(T2.toString());
        assertThat(StepDeliveryState.apply(delivered, failed)).isEqualTo(delivered);
        assertThat(StepDeliveryState.apply(failedStep, status(ProviderStatus.Kind.DELIVERED, T2))).isEqualTo(failedStep);
    }

    @Test
    void stepsThatDidNotGoOutIgnoreStatuses() {
        EnrollmentStep scheduled = EnrollmentStep.planned(1, "official_steps", "PT30M", null, "reengagement_v1", "en",
                List.of(), "app", DeliveryChannel.WHATSAPP_META).scheduled(T1, 7);
        assertThat(StepDeliveryState.apply(scheduled, status(ProviderStatus.Kind.READ, T2))).isEqualTo(scheduled);
        assertThat(StepDeliveryState.apply(scheduled.cancelled(T2), status(ProviderStatus.Kind.READ, T2))).isEqualTo(scheduled.cancelled(T2));
    }

    private static ProviderStatus status(ProviderStatus.Kind kind, Instant at) {
        return new ProviderStatus(DeliveryChannel.WHATSAPP_META, "wamid.1", null, kind, at, null, null);
    }
}
