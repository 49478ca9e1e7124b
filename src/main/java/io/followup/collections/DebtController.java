package io.followup.collections;

import java.net.URI;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
        Debt created = service.create(company.value(), body);
        DebtResponse debt = DebtResponse.from(created, DebtActivity.Figures.NONE, ids);
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

    @GetMapping
    @Operation(operationId = "listDebts", summary = "List debts, newest first (scope debts:read)",
            description = "Optionally only the debt with one internal_id.")
    @ApiResponse(responseCode = "200", description = "One page of debts", useReturnTypeSchema = true)
    ExternalPage<DebtResponse> list(CompanyId company,
            @RequestParam(name = "internal_id", required = false) String internalId,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        org.springframework.data.domain.Page<Debt> debts = service.list(company.value(), internalId, PageParams.external(page, limit));
        java.util.Map<Long, DebtActivity.Figures> figures = activity.of(debts.getContent());
        return ExternalPage.of(debts, debt -> DebtResponse.from(debt, figures.getOrDefault(debt.getId(), DebtActivity.Figures.NONE), ids));
    }
}
