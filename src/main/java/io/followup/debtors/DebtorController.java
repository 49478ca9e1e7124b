package io.followup.debtors;

import io.followup.external.ExternalPage;
import io.followup.external.ExternalResponse;
import io.followup.ids.PublicIds;
import io.followup.security.CompanyId;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/external-api/v1/debtors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Debtors", description = "External API: the people behind the debts. A debt joins the company's debtor with the same "
        + "debtor_reference; else (unless both have references and they differ) the one with the same phone, then the one with the "
        + "same email (case-insensitive); else it starts a new debtor. Times are UTC, written YYYY-MM-DD HH:MM:SS as GetBill does")
@SecurityRequirement(name = "external")
class DebtorController {

    private final DebtorService service;
    private final PublicIds ids;

    DebtorController(DebtorService service, PublicIds ids) {
        this.service = service;
        this.ids = ids;
    }

    @GetMapping
    @Operation(operationId = "listDebtors", summary = "List the company's debtors, newest first (scope debtors:read)",
            description = "GetBill's list envelope, without totals (get one debtor for those). Times are UTC.")
    @ApiResponse(responseCode = "200", description = "One page of debtors", useReturnTypeSchema = true)
    ExternalPage<DebtorResponse> list(CompanyId company,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        return ExternalPage.of(service.list(company.value(), PageParams.external(page, limit)), debtor -> DebtorResponse.from(debtor, ids));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDebtor", summary = "Get a debtor with the totals of its debts (scope debtors:read)",
            description = "GetBill's nesting: the debtor is in data.data. Amounts of different currencies are never added: "
                    + "totalDebtAmount and totalPaidAmount are in the debtor's main currency (`currency`), totalsByCurrency has "
                    + "each. Another company's debtor is 404, like a missing one.")
    @ApiResponse(responseCode = "200", description = "The debtor", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debtor (or not the company's)")
    ExternalResponse<DebtorBodies.Read> get(CompanyId company, @PathVariable String id) {
        return ExternalResponse.of(ExternalResponse.SUCCESS, new DebtorBodies.Read(details(service.get(company.value(), id))));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateDebtor", summary = "Update a debtor; fields left out keep their value (scope debtors:write)",
            description = "Changes the debtor's own record only: its debts keep the names and contacts they were created with. "
                    + "Debts created afterwards are matched against the new phone and email. Another company's debtor is 404.")
    @ApiResponse(responseCode = "200", description = "The updated debtor", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debtor (or not the company's)")
    ExternalResponse<DebtorBodies.Updated> put(CompanyId company, @PathVariable String id, @RequestBody UpdateDebtorRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "patchDebtor", summary = "Update a debtor, same as PUT (scope debtors:write)",
            description = "A partial update like PUT (an extra: GetBill documents PUT).")
    @ApiResponse(responseCode = "200", description = "The updated debtor", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debtor (or not the company's)")
    ExternalResponse<DebtorBodies.Updated> patch(CompanyId company, @PathVariable String id, @RequestBody UpdateDebtorRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    private ExternalResponse<DebtorBodies.Updated> updated(DebtorService.Details details) {
        return ExternalResponse.of(ExternalResponse.SUCCESS, new DebtorBodies.Updated(details(details), DebtorBodies.UPDATED));
    }

    private DebtorDetailsResponse details(DebtorService.Details details) {
        return DebtorDetailsResponse.from(details.debtor(), details.totals(), ids);
    }
}
