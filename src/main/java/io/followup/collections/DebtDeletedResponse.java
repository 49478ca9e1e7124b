package io.followup.collections;

import io.swagger.v3.oas.annotations.media.Schema;

/** GetBill's answer to a delete: {@code {"error": false, "message": "Debt deleted successfully"}}, without {@code data}. */
@Schema(name = "DebtDeleted")
record DebtDeletedResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Always false on success") boolean error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = DebtDeletedResponse.MESSAGE) String message) {

    static final String MESSAGE = "Debt deleted successfully";
    static final DebtDeletedResponse INSTANCE = new DebtDeletedResponse(false, MESSAGE);
}
