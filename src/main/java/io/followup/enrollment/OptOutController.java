package io.followup.enrollment;

import io.followup.security.TenantId;
import io.followup.web.PageBody;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/backend/followup/opt-outs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Opt-outs", description = "Backend: leads who asked for no more messages on a channel")
@SecurityRequirement(name = "backend")
class OptOutController {

    private final LeadOptOuts optOuts;

    OptOutController(LeadOptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping
    @Operation(operationId = "listOptOuts", summary = "List the tenant's opt-outs, newest first (scope followup-configs:read)",
            description = "Filters are optional and combine. An opted-out lead gets no step on that channel: a trigger is "
                    + "`ignored`, a step due stops its enrollment.")
    @ApiResponse(responseCode = "200", description = "One page of opt-outs", useReturnTypeSchema = true)
    PageBody<OptOutResponse> list(TenantId tenant,
            @Parameter(description = "Only this channel's opt-outs") @RequestParam(name = "channel_id", required = false) String channelId,
            @Parameter(description = "Only this lead's opt-outs") @RequestParam(name = "lead_id", required = false) String leadId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        return PageBody.of(optOuts.list(tenant.value(), channelId, leadId, PageParams.of(page, size, Sort.unsorted())),
                OptOutResponse::from);
    }

    @DeleteMapping("/{channel_id}/{lead_id}")
    @Operation(operationId = "deleteOptOut", summary = "Delete an opt-out: the lead opted in again (scope followup-events:write)",
            description = "Enrollments stopped by the opt-out stay stopped; the lead's next trigger status enrolls it again.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "The lead has no opt-out on this channel (in the caller's tenant)")
    ResponseEntity<Void> delete(TenantId tenant,
            @Parameter(description = "The channel the lead opted out of") @PathVariable("channel_id") String channelId,
            @Parameter(description = "The lead") @PathVariable("lead_id") String leadId) {
        optOuts.delete(tenant.value(), channelId, leadId);
        return ResponseEntity.noContent().build();
    }
}
