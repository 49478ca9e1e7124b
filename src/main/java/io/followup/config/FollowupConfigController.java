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
@Tag(name = "Follow-up configurations", description = "Per-assistant follow-up sequences")
@SecurityRequirement(name = "backend")
class FollowupConfigController {

    private final FollowupConfigService service;

    FollowupConfigController(FollowupConfigService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create the configuration of an assistant (one per assistant)")
    ResponseEntity<ConfigResponse> create(@Parameter(hidden = true) TenantId tenant,
            @Valid @RequestBody CreateConfigRequest body) {
        FollowupConfig config = service.create(tenant.value(), body);
        return ResponseEntity.created(URI.create("/backend/followup/configs/" + config.getId()))
                .eTag(ETags.of(config.getVersion()))
                .body(ConfigResponse.from(config));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a configuration by its ID")
    ResponseEntity<ConfigResponse> get(@Parameter(hidden = true) TenantId tenant, @PathVariable UUID id) {
        return ok(service.get(tenant.value(), id));
    }

    @GetMapping("/assistant/{assistantId}")
    @Operation(summary = "Get the configuration linked to an assistant")
    ResponseEntity<ConfigResponse> getByAssistant(@Parameter(hidden = true) TenantId tenant, @PathVariable UUID assistantId) {
        return ok(service.getByAssistant(tenant.value(), assistantId));
    }

    @GetMapping("/tenant/{tenantId}")
    @Operation(summary = "List the tenant's configurations, newest first")
    PageBody<ConfigResponse> list(@Parameter(hidden = true) TenantId tenant, @PathVariable UUID tenantId,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        tenant.requireSame(tenantId);
        return PageBody.of(service.list(tenant.value(), PageParams.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))),
                ConfigResponse::from);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Partially update a configuration; absent fields keep their value",
            description = "Send If-Match with the ETag of your copy to refuse the change (412) if someone changed it meanwhile.")
    ResponseEntity<ConfigResponse> update(@Parameter(hidden = true) TenantId tenant, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateConfigRequest body) {
        return ok(service.update(tenant.value(), id, body, ETags.parseIfMatch(ifMatch)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a configuration; follow-ups already scheduled still go out")
    ResponseEntity<Void> delete(@Parameter(hidden = true) TenantId tenant, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(tenant.value(), id, ETags.parseIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ConfigResponse> ok(FollowupConfig config) {
        return ResponseEntity.ok().eTag(ETags.of(config.getVersion())).body(ConfigResponse.from(config));
    }
}
