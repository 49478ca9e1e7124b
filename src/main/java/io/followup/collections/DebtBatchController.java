package io.followup.collections;

import io.followup.external.ExternalResponse;
import io.followup.security.CompanyId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping(path = "/external-api/v1/debts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Debts")
@SecurityRequirement(name = "external")
class DebtBatchController {

    static final String MESSAGE = "Batch operation completed";

    private final DebtBatchService service;

    DebtBatchController(DebtBatchService service) {
        this.service = service;
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "batchCreateDebts", summary = "Create up to 1,000 debts at once (scope debts:write)",
            description = "Each debt is checked as a single create and written on its own: a bad row is listed in failed with its errors "
                    + "and never stops the others, a row whose internal_id the company (or an earlier row) already has is skipped. "
                    + "The answer is 200 with error false even when some rows failed. More than 1,000 debts, or a body without "
                    + "debts, is a 400 that writes nothing. Takes an Idempotency-Key like the other creates.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DebtBatchRequest.class))))
    @ApiResponse(responseCode = "200", description = "What became of each row", useReturnTypeSchema = true)
    ExternalResponse<DebtBatchResponse> batch(CompanyId company, @RequestBody ObjectNode body) {
        return ExternalResponse.of(MESSAGE, service.run(company.value(), body));
    }
}
