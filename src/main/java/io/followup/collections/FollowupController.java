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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/external-api/v1/followups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Followups", description = "Follow-up activities against debts")
@SecurityRequirement(name = "external")
class FollowupController {

    private final FollowupService service;
    private final PublicIds ids;

    FollowupController(FollowupService service, PublicIds ids) {
        this.service = service;
        this.ids = ids;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a followup for an existing debt (scope followups:write)")
    ResponseEntity<ExternalResponse<FollowupResponse>> create(@Parameter(hidden = true) CompanyId company,
            @RequestBody FollowupRequest body) {
        FollowupResponse followup = FollowupResponse.from(service.create(company.value(), body), ids);
        return ResponseEntity.created(URI.create("/external-api/v1/followups/" + followup.id()))
                .body(ExternalResponse.of("Followup created successfully", followup));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a followup (scope followups:read)")
    ExternalResponse<FollowupResponse> get(@Parameter(hidden = true) CompanyId company, @PathVariable String id) {
        return ExternalResponse.of("Followup retrieved successfully", FollowupResponse.from(service.get(company.value(), id), ids));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a followup; fields left out keep their value (scope followups:write)")
    ExternalResponse<FollowupResponse> patch(@Parameter(hidden = true) CompanyId company, @PathVariable String id,
            @RequestBody FollowupRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a followup, same as PATCH (scope followups:write)")
    ExternalResponse<FollowupResponse> put(@Parameter(hidden = true) CompanyId company, @PathVariable String id,
            @RequestBody FollowupRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @GetMapping
    @Operation(summary = "List followups, newest first, with optional filters (scope followups:read)")
    ExternalPage<FollowupResponse> list(@Parameter(hidden = true) CompanyId company,
            @RequestParam(name = "debt_id", required = false) String debtId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @Parameter(description = "ISO 8601 date-time with offset") @RequestParam(name = "scheduled_from", required = false) String scheduledFrom,
            @Parameter(description = "ISO 8601 date-time with offset") @RequestParam(name = "scheduled_to", required = false) String scheduledTo,
            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int limit) {
        FollowupFilter filter = service.filter(debtId, status, type, scheduledFrom, scheduledTo);
        return page(service.list(company.value(), filter, Paging.newestFirst(page, limit)));
    }

    @GetMapping("/debt/{debtId}")
    @Operation(summary = "List the followups of one debt, newest first (scope followups:read)")
    ExternalPage<FollowupResponse> listForDebt(@Parameter(hidden = true) CompanyId company, @PathVariable String debtId,
            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int limit) {
        return page(service.listForDebt(company.value(), debtId, Paging.newestFirst(page, limit)));
    }

    private ExternalResponse<FollowupResponse> updated(DebtFollowup followup) {
        return ExternalResponse.of("Followup updated successfully", FollowupResponse.from(followup, ids));
    }

    private ExternalPage<FollowupResponse> page(org.springframework.data.domain.Page<DebtFollowup> followups) {
        return ExternalPage.of("Followups retrieved successfully", followups, followup -> FollowupResponse.from(followup, ids));
    }
}
