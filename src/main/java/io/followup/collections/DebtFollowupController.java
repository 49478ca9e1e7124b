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
@RequestMapping(path = "/external-api/v1/followups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Followups", description = "External API: follow-up activities against debts")
@SecurityRequirement(name = "external")
class DebtFollowupController {

    private final DebtFollowupService service;
    private final PublicIds ids;

    DebtFollowupController(DebtFollowupService service, PublicIds ids) {
        this.service = service;
        this.ids = ids;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createFollowup", summary = "Create a followup for an existing debt (scope followups:write)",
            description = "Answers 201 with the followup and its Location. Only debt_id is required (as on GetBill's create page); "
                    + "type defaults to call, status to on_hold. The answer has the seed's 17 fields; reads add GetBill's further "
                    + "seven (triggered_payment, email_*, media_urls_expire_at), which the body may set too: they are the "
                    + "integrator's to report, and must agree (email_opened iff email_open_count > 0, email_clicked iff "
                    + "email_click_count > 0, email_first_opened_at only with opens, media_urls_expire_at only with a media URL).")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true, headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = "Location", description = "Path of the new followup", schema = @Schema(type = "string")))
    ResponseEntity<ExternalResponse<DebtFollowupResponse>> create(CompanyId company,
            @RequestBody DebtFollowupRequest body) {
        DebtFollowupResponse followup = service.create(company.value(), body);
        return ResponseEntity.created(URI.create("/external-api/v1/followups/" + followup.id()))
                .body(ExternalResponse.of("Followup created successfully", followup));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getFollowup", summary = "Get a followup (scope followups:read)",
            description = "Another company's followup is 404, like a missing one.")
    @ApiResponse(responseCode = "200", description = "The followup", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such followup (or not the company's)")
    ExternalResponse<DebtFollowupDetailsResponse> get(CompanyId company, @PathVariable String id) {
        return ExternalResponse.of(ExternalResponse.SUCCESS, DebtFollowupDetailsResponse.from(service.get(company.value(), id), ids));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "patchFollowup", summary = "Update a followup; fields left out keep their value (scope followups:write)",
            description = "The debt cannot change. The tracking fields are judged with the stored ones: the result must agree "
                    + "(email_opened iff email_open_count > 0, ...), else 400 naming the field sent.")
    @ApiResponse(responseCode = "200", description = "The updated followup", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such followup (or not the company's)")
    ExternalResponse<DebtFollowupDetailsResponse> patch(CompanyId company, @PathVariable String id,
            @RequestBody DebtFollowupRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateFollowup", summary = "Update a followup, same as PATCH (scope followups:write)",
            description = "A partial update like PATCH: fields left out keep their value. The debt cannot change. The tracking "
                    + "fields are judged with the stored ones: the result must agree (email_opened iff email_open_count > 0, ...), "
                    + "else 400 naming the field sent. Answers the followup as a read does.")
    @ApiResponse(responseCode = "200", description = "The updated followup", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such followup (or not the company's)")
    ExternalResponse<DebtFollowupDetailsResponse> put(CompanyId company, @PathVariable String id,
            @RequestBody DebtFollowupRequest body) {
        return updated(service.update(company.value(), id, body));
    }

    @GetMapping
    @Operation(operationId = "listFollowups", summary = "List followups, newest first, with optional filters (scope followups:read)",
            description = "Filters combine; scheduled_from and scheduled_to bound scheduled_at, both included. A query "
                    + "parameter this list does not take is a 400 naming it.")
    @ApiResponse(responseCode = "200", description = "One page of followups", useReturnTypeSchema = true)
    ExternalPage<DebtFollowupDetailsResponse> list(CompanyId company,
            @Parameter(description = "Encrypted debt ID", schema = @Schema(pattern = "^[A-Za-z0-9_-]{32}$"))
            @RequestParam(name = "debt_id", required = false) String debtId,
            @Parameter(schema = @Schema(allowableValues = {"on_hold", "scheduled", "in_progress", "sent", "delivered", "deal_found",
                    "no_answer", "deal_not_found", "bad_behavior", "failed", "cancelled"}))
            @RequestParam(required = false) String status,
            @Parameter(schema = @Schema(allowableValues = {"call", "sms", "email", "whatsapp", "voicemail", "manual_call", "physical",
                    "postmail"}))
            @RequestParam(required = false) String type,
            @Parameter(description = "Earliest scheduled_at: an ISO 8601 date-time with Z or an offset, or a date (YYYY-MM-DD: from the start of that day, UTC)",
                    schema = @Schema(type = "string", example = "2024-01-25"))
            @RequestParam(name = "scheduled_from", required = false) String scheduledFrom,
            @Parameter(description = "Latest scheduled_at: an ISO 8601 date-time with Z or an offset, or a date (YYYY-MM-DD: to the end of that day, UTC)",
                    schema = @Schema(type = "string", example = "2024-01-31"))
            @RequestParam(name = "scheduled_to", required = false) String scheduledTo,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        DebtFollowupFilter filter = DebtFollowupFilter.parse(ids, debtId, status, type, scheduledFrom, scheduledTo);
        return page(service.list(company.value(), filter, PageParams.external(page, limit)));
    }

    @GetMapping("/debt/{debtId}")
    @Operation(operationId = "listFollowupsOfDebt", summary = "List the followups of one debt, newest first (scope followups:read)",
            description = "The debt must be the company's (else 404).")
    @ApiResponse(responseCode = "200", description = "One page of followups", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such debt (or not the company's)")
    ExternalPage<DebtFollowupDetailsResponse> listForDebt(CompanyId company, @PathVariable String debtId,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        return page(service.listForDebt(company.value(), debtId, PageParams.external(page, limit)));
    }

    private ExternalResponse<DebtFollowupDetailsResponse> updated(DebtFollowupDetailsResponse followup) {
        return ExternalResponse.of("Followup updated successfully", followup);
    }

    private ExternalPage<DebtFollowupDetailsResponse> page(org.springframework.data.domain.Page<DebtFollowup> followups) {
        return ExternalPage.of(followups, followup -> DebtFollowupDetailsResponse.from(followup, ids));
    }
}
