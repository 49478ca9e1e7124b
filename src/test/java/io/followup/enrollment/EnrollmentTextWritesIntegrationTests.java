package io.followup.enrollment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.followup.support.IntegrationTest;
import io.followup.text.ColumnText;
import io.followup.text.WorstTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each write of outside text by the enrollment feature, with the worst texts there are, read back from
 * PostgreSQL: the write succeeds and stores exactly the text cut to its column.
 */
class EnrollmentTextWritesIntegrationTests extends IntegrationTest {

    @Autowired
    private EnrollmentRepository enrollments;

    @Autowired
    private LeadActivity leads;

    @Autowired
    private OptOutRecords optOuts;

    @Autowired
    private TransactionTemplate transactions;

    private final UUID tenant = UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void stepFailedForGood() {
        WorstTexts.forSize(EnrollmentStep.MAX_ERROR).forEach((kind, text) -> {
            UUID id = saved((enrollment, at) -> enrollment.fail(1, text, at));

            String reason = (String) rowWithStepError(id, "failed", kind, text).get("stop_reason");
            assertThat(reason).as(kind).startsWith("Step 1 failed: ");
            WorstTexts.assertStorable(reason, Enrollment.MAX_STOP_REASON);
        });
    }

    @Test
    void stepFailedForGoodWithReasonsOfTheColumnsSize() {
        WorstTexts.forSize(Enrollment.MAX_STOP_REASON - "Step 1 failed: ".length()).forEach((kind, text) -> {
            UUID id = saved((enrollment, at) -> enrollment.fail(1, text, at));

            assertThat(row(id).get("stop_reason")).as(kind).isEqualTo(ColumnText.fit("Step 1 failed: " + text, Enrollment.MAX_STOP_REASON));
        });
    }

    @Test
    void attemptFailed() {
        WorstTexts.forSize(EnrollmentStep.MAX_ERROR).forEach((kind, text) -> {
            UUID id = saved((enrollment, at) -> enrollment.markAttemptFailed(1, text, at));

            rowWithStepError(id, "active", kind, text);
        });
    }

    @Test
    void stopped() {
        WorstTexts.forSize(Enrollment.MAX_STOP_REASON).forEach((kind, text) -> {
            UUID id = saved((enrollment, at) -> enrollment.stop(text, at));

            assertThat(row(id).get("stop_reason")).as(kind).isEqualTo(ColumnText.fit(text, Enrollment.MAX_STOP_REASON));
        });
    }

    @Test
    void eventOutcome() {
        WorstTexts.forSize(LeadActivity.MAX_DETAIL).forEach((kind, text) -> {
            String eventId = "e-" + UUID.randomUUID();
            transactions.executeWithoutResult(status -> {
                assertThat(leads.claimEvent(tenant, eventId, LeadEventRequest.STATUS_CHANGED, now)).isTrue();
                leads.recordOutcome(tenant, eventId, "ignored", text);
            });

            assertThat(leads.handledEvent(tenant, eventId).orElseThrow().detail()).as(kind)
                    .isEqualTo(ColumnText.fit(text, LeadActivity.MAX_DETAIL));
        });
    }

    /** A provider's words on an opt-out (Meta 131050's message, Gupshup 1012's, an inbound stop keyword). */
    @Test
    void optOutDetail() {
        WorstTexts.forSize(OptOutRecords.MAX_DETAIL).forEach((kind, text) -> {
            String lead = "lead-" + UUID.randomUUID();
            transactions.executeWithoutResult(status ->
                    assertThat(optOuts.record(tenant, "channel-1", lead, LeadOptOuts.META_131050, text, now)).isTrue());

            assertThat(optOuts.list(tenant, "channel-1", lead, org.springframework.data.domain.PageRequest.of(0, 1))
                    .getContent().get(0).detail()).as(kind).isEqualTo(ColumnText.fit(text, OptOutRecords.MAX_DETAIL));
        });
    }

    /** A new enrollment with one scheduled step, changed by {@code change} in a second transaction. */
    private UUID saved(BiConsumer<Enrollment, Instant> change) {
        Enrollment enrollment = new Enrollment(tenant, UUID.randomUUID(), "lead-" + UUID.randomUUID(), "channel-1", UUID.randomUUID(),
                UUID.randomUUID(), List.of(UUID.randomUUID()), now, Map.of("first_name", "Ana"),
                List.of(EnrollmentStep.planned(1, "steps", "PT30M", "Check in", null, null, null, null,
                        io.followup.delivery.DeliveryChannel.ASSISTANT)), now);
        transactions.executeWithoutResult(status -> enrollments.saveAndFlush(enrollment));
        transactions.executeWithoutResult(status -> {
            Enrollment found = enrollments.findByIdForUpdate(enrollment.getId()).orElseThrow();
            change.accept(found, now);
        });
        return enrollment.getId();
    }

    /** The enrollment's row, once checked that it is {@code status} and its step's error is {@code text} cut to the column. */
    private Map<String, Object> rowWithStepError(UUID id, String status, String kind, String text) {
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).as(kind).isEqualTo(status);
        assertThat(row.get("error")).as(kind).isEqualTo(ColumnText.fit(text, EnrollmentStep.MAX_ERROR));
        return row;
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("SELECT status, stop_reason, steps->0->>'error' AS error FROM enrollment WHERE id = ?", id);
    }
}
