package io.followup.debtors;

import io.followup.external.ExternalTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/** An item of GetBill's debtor list (https://docs.getbill.io/api-reference/debtors/list-debtors), in its order. */
@Schema(name = "Debtor")
record DebtorResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted debtor ID (the debts' debtor_id)") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "John",
                description = "Empty for a debtor moved from the old API whose name was one word") String firstName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Doe") String lastName,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "john.doe@example.com") String email,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "+33612345678", description = "E.164") String phone,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "123 Main Street, 75001 Paris, France")
        String address,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "1985-03-15") String dateOfBirth,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-15 10:30:00", pattern = TIME,
                description = "When the debtor's first debt was created, UTC") String firstSeenAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-20 14:22:00", pattern = TIME,
                description = "When the debtor's latest debt was created, UTC") String lastSeenAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-20 14:22:00", pattern = TIME,
                description = "When the debtor record last changed (made, updated, or given a detail it lacked by a new debt), UTC") String lastUpdatedAt) {

    /** GetBill's time format: {@code YYYY-MM-DD HH:MM:SS}, UTC. */
    static final String TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$";

    static DebtorResponse from(Debtor debtor, PublicIds ids) {
        return new DebtorResponse(ids.encode(IdType.DEBTOR, debtor.id()), debtor.firstName(), debtor.lastName(), debtor.email(),
                debtor.phone(), debtor.address(), ExternalTimes.format(debtor.dateOfBirth()), DebtorTimes.format(debtor.firstSeenAt()),
                DebtorTimes.format(debtor.lastSeenAt()), DebtorTimes.format(debtor.updatedAt()));
    }
}
