package io.followup.collections;

import java.net.URI;

import io.followup.ids.PublicIds;
import io.followup.security.CompanyId;
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

@RestController
@RequestMapping(path = "/external-api/v1/debts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Debts", description = "Debts that follow-up activities belong to")
@SecurityRequirement(name = "external")
class DebtController {

    private final DebtService service;
    private final PublicIds ids;

    DebtController(DebtService service, PublicIds ids) {
        this.service = service;
        this.ids = ids;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a debt (scope debts:write); external_reference is unique per company")
    ResponseEntity<ExternalResponse<DebtResponse>> create(@Parameter(hidden = true) CompanyId company,
            @RequestBody CreateDebtRequest body) {
        DebtResponse debt = DebtResponse.from(service.create(company.value(), body), ids);
        return ResponseEntity.created(URI.create("/external-api/v1/debts/" + debt.id()))
                .body(ExternalResponse.of("Debt created successfully", debt));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a debt by its encrypted ID (scope debts:read)")
    ExternalResponse<DebtResponse> get(@Parameter(hidden = true) CompanyId company, @PathVariable String id) {
        return ExternalResponse.of("Debt retrieved successfully", DebtResponse.from(service.get(company.value(), id), ids));
    }

    @GetMapping
    @Operation(summary = "List debts, newest first (scope debts:read)")
    ExternalPage<DebtResponse> list(@Parameter(hidden = true) CompanyId company,
            @RequestParam(name = "external_reference", required = false) String externalReference,
            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int limit) {
        return ExternalPage.of("Debts retrieved successfully",
                service.list(company.value(), externalReference, Paging.newestFirst(page, limit)),
                debt -> DebtResponse.from(debt, ids));
    }
}
