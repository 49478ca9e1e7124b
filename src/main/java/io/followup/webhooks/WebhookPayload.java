package io.followup.webhooks;

/**
 * What an event type's {@code data} is, for the OpenAPI document: a module that records events declares one bean of
 * this per event type it emits ({@code new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.DEBT_CREATED,
 * DebtResponse.class)}), and {@link WebhookEventDocs} describes the bodies from them.
 */
public record WebhookPayload(WebhookAudience audience, String type, Class<?> data) {
}
