package io.followup.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.followup.external.ExternalPage;
import io.followup.external.ExternalResponse;
import io.followup.security.CompanyId;
import io.followup.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping(path = "/external-api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "External API: subscriptions to the company's events (debt.*, followup.*), POSTed as "
        + "{\"event\": {...}} and signed with X-GetBill-Signature, hex HMAC-SHA256 of the raw body with the subscription's secret")
@SecurityRequirement(name = "external")
class ExternalWebhookController {

    private static final String BASE = "/external-api/v1/webhooks/";

    private final WebhookSubscriptions subscriptions;

    ExternalWebhookController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint to events (scope webhooks:write)",
            description = "Answers 201 with the subscription and its secret, shown only here and on a rotation.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "Path of the new subscription", schema = @Schema(type = "string")))
    ResponseEntity<ExternalResponse<WebhookResponses.WithSecret>> create(CompanyId company, @RequestBody WebhookRequests.Create body) {
        IssuedSubscription issued = subscriptions.create(WebhookAudience.EXTERNAL, company.value(), body.url(), body.types());
        return ResponseEntity.created(URI.create(BASE + issued.subscription().id()))
                .body(ExternalResponse.of("Webhook created successfully", WebhookResponses.WithSecret.from(issued)));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List the company's subscriptions, newest first (scope webhooks:read)")
    @ApiResponse(responseCode = "200", description = "One page of subscriptions", useReturnTypeSchema = true)
    ExternalPage<WebhookResponses.Subscription> list(CompanyId company,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        PageRequest request = PageParams.external(page, limit);
        return ExternalPage.of(subscriptions.list(WebhookAudience.EXTERNAL, company.value(), request.getPageNumber(), request.getPageSize()),
                WebhookResponses.Subscription::from);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a subscription (scope webhooks:read)")
    @ApiResponse(responseCode = "200", description = "The subscription", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalResponse<WebhookResponses.Subscription> get(CompanyId company, @PathVariable UUID id) {
        return ExternalResponse.of(ExternalResponse.SUCCESS,
                WebhookResponses.Subscription.from(subscriptions.get(WebhookAudience.EXTERNAL, company.value(), id)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "patchWebhook", summary = "Change a subscription's URL, event types or active flag (scope webhooks:write)",
            description = "Fields left out keep their value; active: true re-enables a subscription disabled for failing.")
    @ApiResponse(responseCode = "200", description = "The subscription", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalResponse<WebhookResponses.Subscription> patch(CompanyId company, @PathVariable UUID id, @RequestBody WebhookRequests.Update body) {
        return updated(company, id, body);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateWebhook", summary = "Change a subscription, same as PATCH (scope webhooks:write)")
    @ApiResponse(responseCode = "200", description = "The subscription", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalResponse<WebhookResponses.Subscription> put(CompanyId company, @PathVariable UUID id, @RequestBody WebhookRequests.Update body) {
        return updated(company, id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription; its pending deliveries stop (scope webhooks:write)")
    @ApiResponse(responseCode = "200", description = "Deleted", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    WebhookResponses.Deleted delete(CompanyId company, @PathVariable UUID id) {
        subscriptions.delete(WebhookAudience.EXTERNAL, company.value(), id);
        return WebhookResponses.Deleted.INSTANCE;
    }

    @PostMapping(path = "/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a subscription a new secret (scope webhooks:write)",
            description = "The body is optional. During grace_period (default PT24H) each delivery carries the previous secret's "
                    + "signature too, in X-GetBill-Signature-Previous.")
    @ApiResponse(responseCode = "200", description = "The subscription and its new secret", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalResponse<WebhookResponses.WithSecret> rotate(CompanyId company, @PathVariable UUID id,
            @RequestBody(required = false) WebhookRequests.Rotate body) {
        Duration grace = body == null ? WebhookRequests.Rotate.DEFAULT_GRACE : body.grace();
        return ExternalResponse.of("Webhook secret rotated successfully",
                WebhookResponses.WithSecret.from(subscriptions.rotateSecret(WebhookAudience.EXTERNAL, company.value(), id, grace)));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest first (scope webhooks:read)")
    @ApiResponse(responseCode = "200", description = "One page of deliveries", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalPage<WebhookResponses.Delivery> deliveries(CompanyId company, @PathVariable UUID id,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int limit) {
        PageRequest request = PageParams.external(page, limit);
        return ExternalPage.of(subscriptions.deliveries(WebhookAudience.EXTERNAL, company.value(), id, request.getPageNumber(),
                request.getPageSize()), WebhookResponses.Delivery::from);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookEvent", summary = "Send a delivery's event again, now (scope webhooks:write)",
            description = "A new delivery of the same event: same event ID, a new delivery ID.")
    @ApiResponse(responseCode = "200", description = "The new delivery, pending", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription or delivery (or not the company's)")
    ExternalResponse<WebhookResponses.Delivery> redeliver(CompanyId company, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return ExternalResponse.of("Redelivery scheduled", WebhookResponses.Delivery.from(
                subscriptions.redeliver(WebhookAudience.EXTERNAL, company.value(), id, deliveryId)));
    }

    @PostMapping("/{id}/test")
    @Operation(operationId = "sendWebhookTestEvent", summary = "Send a webhook.test event to the subscription now (scope webhooks:write)")
    @ApiResponse(responseCode = "200", description = "Its delivery, pending; follow it in the delivery log", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such subscription (or not the company's)")
    ExternalResponse<WebhookResponses.Delivery> test(CompanyId company, @PathVariable UUID id) {
        return ExternalResponse.of("Test event scheduled", WebhookResponses.Delivery.from(
                subscriptions.sendTest(WebhookAudience.EXTERNAL, company.value(), id)));
    }

    private ExternalResponse<WebhookResponses.Subscription> updated(CompanyId company, UUID id, WebhookRequests.Update body) {
        return ExternalResponse.of("Webhook updated successfully", WebhookResponses.Subscription.from(subscriptions.update(
                WebhookAudience.EXTERNAL, company.value(), id, body.url(), body.types(), body.active())));
    }
}
