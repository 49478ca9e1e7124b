package io.followup.collections;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /external-api/v1/debts}. */
public record CreateDebtRequest(
        @JsonProperty("external_reference") String externalReference,
        @JsonProperty("debtor_name") String debtorName,
        @JsonProperty("debtor_phone") String debtorPhone,
        @JsonProperty("debtor_email") String debtorEmail,
        BigDecimal amount,
        String currency,
        @JsonProperty("due_date") String dueDate) {
}
