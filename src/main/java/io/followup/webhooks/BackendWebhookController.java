package io.followup.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.followup.security.TenantId;
import io.followup.web.PageBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/backend/followup/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Platform webhooks", description = "Backend: subscriptions to the tenant's enrollment, step and opt-out events, POSTed "
        + "as {\"event\": {...}} and signed as the assistant webhook is (X-Followup-Timestamp, X-Followup-Signature)")
@SecurityRequirement(name = "backend")
class BackendWebhookController {

    private static final String BASE = "/backend/followup/webhooks/";

    private final WebhookSubscriptions subscriptions;

    BackendWebhookController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createPlatformWebhook", summary = "Subscribe an endpoint to the tenant's events",
            description = "Scope followup-configs:write. Answers 201 with the subscription and its secret, shown only here and on a rotation.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "Path of the new subscription", schema = @Schema(type = "string")))
    ResponseEntity<WebhookResponses.WithSecret> create(TenantId tenant, @RequestBody WebhookRequests.Create body) {
        IssuedSubscription issued = subscriptions.create(WebhookAudience.BACKEND, owner(tenant), body.url(), body.types());
        return ResponseEntity.created(URI.create(BASE + issued.subscription().id())).body(WebhookResponses.WithSecret.from(issued));
    }

    @GetMapping
    @Operation(operationId = "listPlatformWebhooks", summary = "List the tenant's subscriptions, newest first",
            description = "Scope followup-configs:read.")
    @ApiResponse(responseCode = "200", description = "One page of subscriptions", useReturnTypeSchema = true)
    PageBody<WebhookResponses.Subscription> list(TenantId tenant,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        return PageBody.of(subscriptions.list(WebhookAudience.BACKEND, owner(tenant), page, size), WebhookResponses.Subscription::from);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPlatformWebhook", summary = "Get a subscription", description = "Scope followup-configs:read.")
    @ApiResponse(responseCode = "200", description = "The subscription", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    WebhookResponses.Subscription get(TenantId tenant, @PathVariable UUID id) {
        return WebhookResponses.Subscription.from(subscriptions.get(WebhookAudience.BACKEND, owner(tenant), id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updatePlatformWebhook", summary = "Change a subscription's URL, event types or active flag",
            description = "Scope followup-configs:write. Fields left out keep their value; active: true re-enables a subscription "
                    + "disabled for failing.")
    @ApiResponse(responseCode = "200", description = "The subscription", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    WebhookResponses.Subscription update(TenantId tenant, @PathVariable UUID id, @RequestBody WebhookRequests.Update body) {
        return WebhookResponses.Subscription.from(subscriptions.update(WebhookAudience.BACKEND, owner(tenant), id, body.url(),
                body.types(), body.active()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deletePlatformWebhook", summary = "Delete a subscription; its pending deliveries stop",
            description = "Scope followup-configs:write.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    ResponseEntity<Void> delete(TenantId tenant, @PathVariable UUID id) {
        subscriptions.delete(WebhookAudience.BACKEND, owner(tenant), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/secret")
    @Operation(operationId = "rotatePlatformWebhookSecret", summary = "Give a subscription a new secret",
            description = "Scope followup-configs:write. The body is optional; during grace_period (default PT24H) each delivery "
                    + "carries the previous secret's signature too, in X-Followup-Signature-Previous.")
    @ApiResponse(responseCode = "200", description = "The subscription and its new secret", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    WebhookResponses.WithSecret rotate(TenantId tenant, @PathVariable UUID id, @RequestBody(required = false) WebhookRequests.Rotate body) {
        Duration grace = body == null ? WebhookRequests.Rotate.DEFAULT_GRACE : body.grace();
        return WebhookResponses.WithSecret.from(subscriptions.rotateSecret(WebhookAudience.BACKEND, owner(tenant), id, grace));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listPlatformWebhookDeliveries", summary = "The subscription's delivery log, newest first",
            description = "Scope followup-configs:read.")
    @ApiResponse(responseCode = "200", description = "One page of deliveries", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    PageBody<WebhookResponses.Delivery> deliveries(TenantId tenant, @PathVariable UUID id,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        return PageBody.of(subscriptions.deliveries(WebhookAudience.BACKEND, owner(tenant), id, page, size), WebhookResponses.Delivery::from);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverPlatformWebhookEvent", summary = "Send a delivery's event again, now",
            description = "Scope followup-configs:write. A new delivery of the same event: same event ID, a new delivery ID.")
    @ApiResponse(responseCode = "200", description = "The new delivery, pending", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription or delivery (or not the tenant's)")
    WebhookResponses.Delivery redeliver(TenantId tenant, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return WebhookResponses.Delivery.from(subscriptions.redeliver(WebhookAudience.BACKEND, owner(tenant), id, deliveryId));
    }

    @PostMapping("/{id}/test")
    @Operation(operationId = "sendPlatformWebhookTestEvent", summary = "Send a webhook.test event to the subscription now",
            description = "Scope followup-configs:write.")
    @ApiResponse(responseCode = "200", description = "Its delivery, pending; follow it in the delivery log", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the tenant's)")
    WebhookResponses.Delivery test(TenantId tenant, @PathVariable UUID id) {
        return WebhookResponses.Delivery.from(subscriptions.sendTest(WebhookAudience.BACKEND, owner(tenant), id));
    }

    private static String owner(TenantId tenant) {
        return tenant.value().toString();
    }
}
