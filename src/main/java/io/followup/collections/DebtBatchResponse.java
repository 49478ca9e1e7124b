package io.followup.collections;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code data} of GetBill's batch-create-debts answer (https://docs.getbill.io/api-reference/debts/batch-create-debts):
 * the import's ID and one entry per row in {@code created}, {@code failed} or {@code skipped}, with a {@code summary}.
 * The created entries are the page's; the page's failed, skipped and summary entries were not visible, so their members
 * follow the created one's ({@code index}, {@code temp_id}, {@code status}, {@code data}) plus {@code errors} or
 * {@code reason}, the words of its text ("the detailed errors field").
 */
@Schema(name = "DebtBatchResult")
record DebtBatchResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted ID of this import") @JsonProperty("import_id") String importId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Row> created,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Row> failed,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Row> skipped,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Summary summary) {

    static final String VALID = "valid";
    static final String INVALID = "invalid";
    static final String SKIPPED = "skipped";

    /** One row of the batch and what became of it. */
    @Schema(name = "DebtBatchRow")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Row(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Position of the row in debts, from 0") int index,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "The row's temp_id, as sent")
            @JsonProperty("temp_id") @JsonInclude(JsonInclude.Include.ALWAYS) String tempId,
            @Schema(description = "Encrypted ID of the new debt (created rows only)") @JsonProperty("debt_id") String debtId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {VALID, INVALID, SKIPPED}) String status,
            @Schema(description = "Why the row failed: a message per field, as a 400 would name them (failed rows only)")
            Map<String, String> errors,
            @Schema(description = "Why the row was skipped (skipped rows only)") String reason,
            @Schema(description = "The debt's main fields as stored (created rows) or as sent (the others, when readable)") Fields data) {
    }

    /** The main fields of a row, as GetBill's created entries show them. */
    @Schema(name = "DebtBatchRowData")
    record Fields(
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String firstname,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String lastname,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String phone,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String email,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String currency) {

        static Fields of(DebtFields f) {
            return new Fields(f.firstname(), f.lastname(), f.phone(), f.email(), f.amount(), f.currency());
        }

        static Fields of(CreateDebtRequest r) {
            return r == null ? null : new Fields(r.firstname(), r.lastname(), r.phone(), r.email(), r.amount(), r.currency());
        }
    }

    /** How many rows went where. */
    @Schema(name = "DebtBatchSummary")
    record Summary(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Rows in the batch") int total,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int created,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int failed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int skipped) {
    }
}
