package io.followup.collections;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;

/** A debt on the wire; its ID is encrypted. */
public record DebtResponse(
        String id,
        @JsonProperty("external_reference") String externalReference,
        @JsonProperty("debtor_name") String debtorName,
        @JsonProperty("debtor_phone") String debtorPhone,
        @JsonProperty("debtor_email") String debtorEmail,
        BigDecimal amount,
        String currency,
        @JsonProperty("due_date") String dueDate,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static DebtResponse from(Debt debt, PublicIds ids) {
        return new DebtResponse(ids.encode(IdType.DEBT, debt.getId()), debt.getExternalReference(), debt.getDebtorName(),
                debt.getDebtorPhone(), debt.getDebtorEmail(), debt.getAmount(), debt.getCurrency(),
                ExternalTimes.format(debt.getDueDate()), ExternalTimes.format(debt.getCreatedAt()),
                ExternalTimes.format(debt.getUpdatedAt()));
    }
}
