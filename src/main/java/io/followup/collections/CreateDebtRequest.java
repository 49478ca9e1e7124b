package io.followup.collections;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /external-api/v1/debts}. */
public record CreateDebtRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = FieldLimits.EXTERNAL_REFERENCE, pattern = "^[\\s\\S]*\\S[\\s\\S]*$",
                description = "Your reference for the debt; unique per company (a taken one is 409)")
        @JsonProperty("external_reference") String externalReference,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = FieldLimits.DEBTOR_NAME, pattern = "^[\\s\\S]*\\S[\\s\\S]*$")
        @JsonProperty("debtor_name") String debtorName,
        @Schema(minLength = 3, maxLength = FieldLimits.PHONE, pattern = PHONE_PATTERN, example = "+5511999998888")
        @JsonProperty("debtor_phone") String debtorPhone,
        @Schema(maxLength = FieldLimits.EMAIL, format = "email", pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
        @JsonProperty("debtor_email") String debtorEmail,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "100000000000000000",
                description = "Greater than 0, at most 2 decimal places")
        BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 3, maxLength = 3, pattern = "^[A-Za-z]{3}$",
                description = "ISO 4217 code such as BRL, USD or EUR (any case)")
        String currency,
        @Schema(format = "date", description = "ISO 8601 date, e.g. 2024-02-01") @JsonProperty("due_date") String dueDate) {

    /** What {@link DebtFollowupRequestValidator#PHONE} accepts, for the OpenAPI document. */
    static final String PHONE_PATTERN = "^\\+?[0-9][0-9 ()\\-.]*$";
}
