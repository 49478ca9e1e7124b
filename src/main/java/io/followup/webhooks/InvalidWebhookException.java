package io.followup.webhooks;

import java.util.Map;

import io.followup.web.InvalidRequestException;

/** 400: a field of a subscription is not acceptable; keyed by its JSON name (url, event_types, grace_period). */
public final class InvalidWebhookException extends InvalidRequestException {

    InvalidWebhookException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }

    static InvalidWebhookException of(String field, String message) {
        return new InvalidWebhookException(Map.of(field, message));
    }
}
