package io.followup.collections;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.external.ExternalTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/** A debt on the wire; its ID is encrypted. */
record DebtResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted debt ID") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("external_reference") String externalReference,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("debtor_name") String debtorName,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("debtor_phone") String debtorPhone,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("debtor_email") String debtorEmail,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date") @JsonProperty("due_date") String dueDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("created_at") String createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("updated_at") String updatedAt) {

    static DebtResponse from(Debt debt, PublicIds ids) {
        return new DebtResponse(ids.encode(IdType.DEBT, debt.getId()), debt.getExternalReference(), debt.getDebtorName(),
                debt.getDebtorPhone(), debt.getDebtorEmail(), debt.getAmount(), debt.getCurrency(),
                ExternalTimes.format(debt.getDueDate()), ExternalTimes.format(debt.getCreatedAt()),
                ExternalTimes.format(debt.getUpdatedAt()));
    }
}
