package io.followup.collections;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /external-api/v1/debts/batch}, for the OpenAPI document: the service reads it as a tree
 * ({@link DebtBatchService}), so that a bad row fails alone instead of making the whole body unreadable.
 */
@Schema(name = "DebtBatchRequest")
record DebtBatchRequest(
        @Schema(maxLength = FieldLimits.BATCH_NAME, description = "Name of this import; default \"API Batch - DD/MM/YYYY HH:mm\" (UTC)")
        @JsonProperty("batch_name") String batchName,
        @Schema(defaultValue = "false", description = "Accept premium-rate and shared-cost phones in every row (a row may also say so itself)")
        @JsonProperty("accept_expensive_destination") Boolean acceptExpensiveDestination,
        @ArraySchema(minItems = 1, maxItems = DebtBatchService.MAX_ROWS, schema = @Schema(implementation = Row.class),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "The debts: each a create-debt body, with an optional temp_id of yours to match the answer's rows"))
        List<Row> debts) {

    /** One debt of the batch: GetBill's create-debt body plus {@code temp_id}. */
    @Schema(name = "DebtBatchRequestRow", allOf = {CreateDebtRequest.class, TempId.class})
    record Row() {
    }

    @Schema(name = "DebtBatchTempId")
    record TempId(@Schema(maxLength = FieldLimits.REFERENCE, example = "import-001") @JsonProperty("temp_id") String tempId) {
    }
}
