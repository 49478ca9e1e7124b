package io.followup.web;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FieldErrorsTests {

    @Test
    void reportsEveryFieldTogether() {
        FieldErrors errors = new FieldErrors().add("debt_id", "bad debt").add("type", "bad type").add("status", "bad status");

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, errors::throwIfAny);

        assertThat(refused.details()).containsOnly(
                java.util.Map.entry("debt_id", "bad debt"), java.util.Map.entry("type", "bad type"),
                java.util.Map.entry("status", "bad status"));
    }

    @Test
    void anAbsentEnumIsNoErrorAndAnUnknownOneIsRecorded() {
        FieldErrors errors = new FieldErrors();

        Integer absent = errors.parseEnum("status", null, text -> Optional.of(1), "never");
        Integer known = errors.parseEnum("status", "sent", text -> Optional.of(7), "never");
        assertThat(absent).isNull();
        assertThat(known).isEqualTo(7);
        assertThat(errors.isEmpty()).isTrue();
        Integer unknown = errors.parseEnum("type", "nope", text -> Optional.<Integer>empty(), "Invalid type");
        assertThat(unknown).isNull();

        assertThat(catchThrowableOfType(InvalidRequestException.class, errors::throwIfAny).details())
                .containsExactly(java.util.Map.entry("type", "Invalid type"));
    }

    @Test
    void timesAreReadOrRecordedAndNothingRecordedThrowsNothing() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.instant("scheduled_at", "2024-01-25T10:00:00+00:00")).hasToString("2024-01-25T10:00:00Z");
        assertThat(errors.date("due_date", null)).isNull();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();

        errors.date("due_date", "tomorrow");
        assertThat(errors.isEmpty()).isFalse();
    }
}
