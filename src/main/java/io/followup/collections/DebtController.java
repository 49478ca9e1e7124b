package io.followup.collections;

import java.net.URI;
import java.util.Map;

import io.followup.external.ExternalPage;
import io.followup.external.ExternalResponse;
import io.followup.ids.PublicIds;
import io.followup.security.CompanyId;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping(path = "/external-api/v1/debts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Debts", description = "External API: debts that follow-up activities belong to")
@SecurityRequirement(name = "external")
class DebtController {

    private final DebtService service;
    private final DebtActivity activity;
    private final PublicIds ids;

    DebtController(DebtService service, DebtActivity activity, PublicIds ids) {
        this.service = service;
        this.activity = activity;
        this.ids = ids;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createDebt", summary = "Create a debt (scope debts:write)",
            description = "GetBill's create-debt body: firstname, lastname, amount, currency and a phone or an email are required; "
                    + "internal_id, when given, is unique per company. The phone is normalised to E.164. Answers 201 with the debt and its Location.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true, headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = "Location", description = "Path of the new debt", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "A debt with this internal_id exists, "
            + "or a request with this Idempotency-Key is still in progress (retry after Retry-After)")
    ResponseEntity<ExternalResponse<DebtResponse>> create(CompanyId company,
            @RequestBody CreateDebtRequest body) {
        DebtResponse debt = service.create(company.value(), body);
        return ResponseEntity.created(URI.create("/external-api/v1/debts/" + debt.id()))
                .body(ExternalResponse.of("Debt created successfully", debt));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDebt", summary = "Get a debt by its encrypted ID (scope debts:read)",
            description = "Another company's debt is 404, like a missing one.")
    @ApiResponse(responseCode = "200", description = "The debt", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debt (or not the company's)")
    ExternalResponse<DebtResponse> get(CompanyId company, @PathVariable String id) {
        Debt debt = service.get(company.value(), id);
        return ExternalResponse.of(ExternalResponse.SUCCESS, DebtResponse.from(debt, activity.of(debt), ids));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "patchDebt", summary = "Update a debt; fields left out keep their value (scope debts:write)",
            description = "The same partial update as PUT.")
    @ApiResponse(responseCode = "200", description = "The updated debt", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debt (or not the company's)")
    @ApiResponse(responseCode = "409", description = "A debt with this internal_id exists, or the debt was updated at the same time")
    @ApiResponse(responseCode = "422", description = "The phone is a premium-rate or shared-cost number and accept_expensive_destination is not true")
    ExternalResponse<DebtResponse> patch(CompanyId company, @PathVariable String id, @RequestBody UpdateDebtRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateDebt", summary = "Update a debt, as GetBill's update-debt (scope debts:write)",
            description = "A partial update: fields left out (or null) keep their value; what is given obeys the rules of create "
                    + "(a phone or an email must remain, internal_id unique per company). status may be set only to "
                    + "status.default.paid, in_progress, on_hold, failed or archived. The debt keeps its debtor.")
    @ApiResponse(responseCode = "200", description = "The updated debt", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debt (or not the company's)")
    @ApiResponse(responseCode = "409", description = "A debt with this internal_id exists, or the debt was updated at the same time")
    @ApiResponse(responseCode = "422", description = "The phone is a premium-rate or shared-cost number and accept_expensive_destination is not true")
    ExternalResponse<DebtResponse> put(CompanyId company, @PathVariable String id, @RequestBody UpdateDebtRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteDebt", summary = "Delete a debt and its followups (scope debts:write)",
            description = "Removes the debt and every followup of it, in one transaction; the debtor stays. Another company's debt is "
                    + "404, like a missing one (GetBill answers 403 there; here IDs reveal nothing).")
    @ApiResponse(responseCode = "200", description = "Deleted", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debt (or not the company's)")
    DebtDeletedResponse delete(CompanyId company, @PathVariable String id) {
        service.delete(company.value(), id);
        return DebtDeletedResponse.INSTANCE;
    }

    @GetMapping
    @Operation(operationId = "listDebts", summary = "List debts, newest first, with GetBill's filters (scope debts:read)",
            description = "Filters combine. created_after and created_before take a date (YYYY-MM-DD, whole UTC days) or an ISO 8601 "
                    + "date-time; both bounds are included. A query parameter this list does not take is a 400 naming it.")
    @ApiResponse(responseCode = "200", description = "One page of debts", useReturnTypeSchema = true)
    ExternalPage<DebtResponse> list(CompanyId company,
            @Parameter(description = "Debt status, with or without the status.default. prefix", schema = @Schema(example = "status.default.pending"))
            @RequestParam(required = false) String status,
            @Parameter(description = "ISO 4217 currency code", schema = @Schema(example = "EUR"))
            @RequestParam(required = false) String currency,
            @Parameter(description = "Smallest amount, included", schema = @Schema(type = "string", example = "100"))
            @RequestParam(name = "min_amount", required = false) String minAmount,
            @Parameter(description = "Largest amount, included", schema = @Schema(type = "string", example = "2000.50"))
            @RequestParam(name = "max_amount", required = false) String maxAmount,
            @Parameter(description = "Created at or after: a date (YYYY-MM-DD, from the start of that day, UTC) or an ISO 8601 date-time",
                    schema = @Schema(type = "string", example = "2024-01-01"))
            @RequestParam(name = "created_after", required = false) String createdAfter,
            @Parameter(description = "Created at or before: a date (YYYY-MM-DD, to the end of that day, UTC) or an ISO 8601 date-time",
                    schema = @Schema(type = "string", example = "2024-01-31"))
            @RequestParam(name = "created_before", required = false) String createdBefore,
            @Parameter(description = "Part of the internal_id (any case), or the start of the amount as text (amount_text)",
                    schema = @Schema(maxLength = FieldLimits.REFERENCE, example = "DEBT-2024"))
            @RequestParam(required = false) String search,
            @Parameter(description = "Only the debt with this exact internal_id (not in GetBill)", schema = @Schema(maxLength = FieldLimits.REFERENCE))
            @RequestParam(name = "internal_id", required = false) String internalId,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        DebtListFilter filter = DebtListFilter.parse(status, currency, minAmount, maxAmount, createdAfter, createdBefore, search, internalId);
        return page(service.list(company.value(), filter, PageParams.external(page, limit)));
    }

    @GetMapping("/by-debtor/{debtorId}")
    @Operation(operationId = "listDebtsByDebtor", summary = "List one debtor's debts, newest first (scope debts:read)",
            description = "debtorId is the encrypted ID of one of the company's debtors (a debt's debtor_id); another company's or an "
                    + "unknown one is 404 \"Debtor not found\". Takes the same filters as the whole list.")
    @ApiResponse(responseCode = "200", description = "One page of the debtor's debts", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debtor (or not the company's)")
    ExternalPage<DebtResponse> listByDebtor(CompanyId company, @PathVariable String debtorId,
            @Parameter(description = "Debt status, with or without the status.default. prefix", schema = @Schema(example = "status.default.pending"))
            @RequestParam(required = false) String status,
            @Parameter(description = "ISO 4217 currency code", schema = @Schema(example = "EUR"))
            @RequestParam(required = false) String currency,
            @Parameter(description = "Smallest amount, included", schema = @Schema(type = "string", example = "100"))
            @RequestParam(name = "min_amount", required = false) String minAmount,
            @Parameter(description = "Largest amount, included", schema = @Schema(type = "string", example = "2000.50"))
            @RequestParam(name = "max_amount", required = false) String maxAmount,
            @Parameter(description = "Created at or after: a date (YYYY-MM-DD) or an ISO 8601 date-time", schema = @Schema(type = "string", example = "2024-01-01"))
            @RequestParam(name = "created_after", required = false) String createdAfter,
            @Parameter(description = "Created at or before: a date (YYYY-MM-DD) or an ISO 8601 date-time", schema = @Schema(type = "string", example = "2024-01-31"))
            @RequestParam(name = "created_before", required = false) String createdBefore,
            @Parameter(description = "Part of the internal_id (any case), or the start of amount_text", schema = @Schema(maxLength = FieldLimits.REFERENCE))
            @RequestParam(required = false) String search,
            @Parameter(description = "Only the debt with this exact internal_id (not in GetBill)", schema = @Schema(maxLength = FieldLimits.REFERENCE))
            @RequestParam(name = "internal_id", required = false) String internalId,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        DebtListFilter filter = DebtListFilter.parse(status, currency, minAmount, maxAmount, createdAfter, createdBefore, search, internalId);
        return page(service.listForDebtor(company.value(), debtorId, filter, PageParams.external(page, limit)));
    }

    private ExternalResponse<DebtResponse> updated(DebtResponse debt) {
        return ExternalResponse.of("Debt updated successfully", debt);
    }

    private ExternalPage<DebtResponse> page(Page<Debt> debts) {
        Map<Long, DebtActivity.Figures> figures = activity.of(debts.getContent());
        return ExternalPage.of(debts, debt -> DebtResponse.from(debt, figures.getOrDefault(debt.getId(), DebtActivity.Figures.NONE), ids));
    }
}
