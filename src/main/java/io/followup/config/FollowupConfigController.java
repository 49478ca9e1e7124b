package io.followup.config;

import java.net.URI;
import java.util.UUID;

import io.followup.security.TenantId;
import io.followup.web.ETags;
import io.followup.web.PageBody;
import io.followup.web.PageParams;
import org.springframework.data.domain.Sort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/backend/followup/configs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Follow-up configurations", description = "Backend: per-assistant follow-up sequences")
@SecurityRequirement(name = "backend")
class FollowupConfigController {

    private static final String IF_MATCH = "ETag of the version you have; the change is refused with 412 if it is no longer current";

    private final FollowupConfigService service;

    FollowupConfigController(FollowupConfigService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createFollowupConfig", summary = "Create the configuration of an assistant (one per assistant)",
            description = "Scope followup-configs:write. Answers 201 with the configuration, its Location and its ETag.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true,
            headers = {@Header(name = "Location", description = "Path of the new configuration", schema = @Schema(type = "string")),
                    @Header(name = "ETag", description = "Version of the configuration, for If-Match", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "409", description = "The assistant already has a configuration")
    ResponseEntity<ConfigResponse> create(TenantId tenant,
            @Valid @RequestBody CreateConfigRequest body) {
        FollowupConfig config = service.create(tenant.value(), body);
        return ResponseEntity.created(URI.create("/backend/followup/configs/" + config.getId()))
                .eTag(ETags.of(config.getVersion()))
                .body(ConfigResponse.from(config));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getFollowupConfig", summary = "Get a configuration by its ID",
            description = "Scope followup-configs:read. Another tenant's configuration is 404.")
    @ApiResponse(responseCode = "200", description = "The configuration", useReturnTypeSchema = true, headers = @Header(name = "ETag",
            description = "Version of the configuration, for If-Match", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such configuration (or not the tenant's)")
    ResponseEntity<ConfigResponse> get(TenantId tenant, @PathVariable UUID id) {
        return ok(service.get(tenant.value(), id));
    }

    @GetMapping("/assistant/{assistantId}")
    @Operation(operationId = "getFollowupConfigByAssistant", summary = "Get the configuration linked to an assistant",
            description = "Scope followup-configs:read.")
    @ApiResponse(responseCode = "200", description = "The configuration", useReturnTypeSchema = true, headers = @Header(name = "ETag",
            description = "Version of the configuration, for If-Match", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "The assistant has no configuration in this tenant")
    ResponseEntity<ConfigResponse> getByAssistant(TenantId tenant, @PathVariable UUID assistantId) {
        return ok(service.getByAssistant(tenant.value(), assistantId));
    }

    @GetMapping("/tenant/{tenantId}")
    @Operation(operationId = "listFollowupConfigsOfTenant", summary = "List the tenant's configurations, newest first",
            description = "Scope followup-configs:read. The path tenant must be the token's tenant (else 403).")
    @ApiResponse(responseCode = "200", description = "One page of configurations", useReturnTypeSchema = true)
    PageBody<ConfigResponse> list(TenantId tenant, @PathVariable UUID tenantId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        tenant.requireSame(tenantId);
        return PageBody.of(service.list(tenant.value(), PageParams.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))),
                ConfigResponse::from);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateFollowupConfig", summary = "Partially update a configuration; absent fields keep their value",
            description = "Scope followup-configs:write. Send If-Match with the ETag of your copy to refuse the change (412) "
                    + "if someone changed it meanwhile.")
    @ApiResponse(responseCode = "200", description = "The updated configuration", useReturnTypeSchema = true, headers = @Header(
            name = "ETag", description = "New version of the configuration", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such configuration (or not the tenant's)")
    @ApiResponse(responseCode = "409", description = "Changed by another request at the same moment; fetch it again and retry")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current version")
    ResponseEntity<ConfigResponse> update(TenantId tenant, @PathVariable UUID id,
            @Parameter(description = IF_MATCH, schema = @Schema(example = "\"0\""))
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateConfigRequest body) {
        return ok(service.update(tenant.value(), id, body, ETags.parseIfMatch(ifMatch)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteFollowupConfig", summary = "Delete a configuration; follow-ups already scheduled still go out",
            description = "Scope followup-configs:write. Send If-Match to delete only the version you have.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such configuration (or not the tenant's)")
    @ApiResponse(responseCode = "409", description = "Changed by another request at the same moment; fetch it again and retry")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current version")
    ResponseEntity<Void> delete(TenantId tenant, @PathVariable UUID id,
            @Parameter(description = IF_MATCH, schema = @Schema(example = "\"0\"")) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(tenant.value(), id, ETags.parseIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ConfigResponse> ok(FollowupConfig config) {
        return ResponseEntity.ok().eTag(ETags.of(config.getVersion())).body(ConfigResponse.from(config));
    }
}
