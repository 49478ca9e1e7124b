package io.followup.webhooks;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no such subscription or delivery, or one of another owner (the two look the same). */
public final class WebhookNotFoundException extends ApiException {

    WebhookNotFoundException() {
        super(HttpStatus.NOT_FOUND, "Webhook not found", Map.of());
    }
}
