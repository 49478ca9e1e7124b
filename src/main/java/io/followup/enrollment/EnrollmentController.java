package io.followup.enrollment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.followup.security.TenantId;
import io.followup.web.InvalidRequestException;
import io.followup.web.PageBody;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/backend/followup", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lead events and enrollments", description = "Backend: leads entering trigger statuses, replying, and their follow-up runs")
@SecurityRequirement(name = "backend")
class EnrollmentController {

    private final LeadEventIntake intake;
    private final EnrollmentService service;

    EnrollmentController(LeadEventIntake intake, EnrollmentService service) {
        this.intake = intake;
        this.service = service;
    }

    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportLeadEvents", summary = "Report a lead event, or a JSON array of up to 100 (scope followup-events:write)",
            description = "Idempotent by event_id. A single event answers with its result (an invalid one is 400); "
                    + "a batch answers {\"results\": [...]} with one result per event, invalid ones `rejected` with their errors.")
    @ApiResponse(responseCode = "200", description = "What became of the event (or of each event of a batch)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(anyOf = {EventResult.class, EventResult.Batch.class})))
    ResponseEntity<Object> events(TenantId tenant,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {LeadEventRequest.class, LeadEventRequest[].class})))
            @RequestBody JsonNode body) {
        if (body.isArray()) {
            List<EventResult> results = intake.batch(tenant.value(), body);
            return ResponseEntity.ok(Map.of("results", results));
        }
        return ResponseEntity.ok(intake.single(tenant.value(), body));
    }

    @GetMapping("/enrollments")
    @Operation(operationId = "listEnrollments", summary = "List enrollments, newest first (scope followup-configs:read)",
            description = "Filters are optional and combine.")
    @ApiResponse(responseCode = "200", description = "One page of enrollments", useReturnTypeSchema = true)
    PageBody<EnrollmentResponse> list(TenantId tenant,
            @RequestParam(name = "assistant_id", required = false) UUID assistantId,
            @RequestParam(name = "lead_id", required = false) String leadId,
            @Parameter(description = "Enrollment status", schema = @Schema(allowableValues = {"active", "completed", "stopped", "failed"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        Enrollment.Status wanted = null;
        if (status != null) {
            try {
                wanted = Enrollment.Status.valueOf(status.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                errors.put("status", "Must be one of: active, completed, stopped, failed");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        PageRequest request = PageParams.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        return PageBody.of(service.search(tenant.value(), new EnrollmentFilter(assistantId, leadId, wanted), request),
                EnrollmentResponse::from);
    }

    @GetMapping("/enrollments/{id}")
    @Operation(operationId = "getEnrollment", summary = "Get an enrollment with each step's state (scope followup-configs:read)",
            description = "Another tenant's enrollment is 404.")
    @ApiResponse(responseCode = "200", description = "The enrollment", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such enrollment (or not the tenant's)")
    EnrollmentResponse get(TenantId tenant, @PathVariable UUID id) {
        return EnrollmentResponse.from(service.get(tenant.value(), id));
    }
}
