package io.followup.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits shared by both API surfaces.
 *
 * @param maxBodySize largest request body accepted; a larger one is refused with 413
 * @param maxBatchBodySize the same for batches ({@code .../batch}): GetBill takes up to 1,000 debts in one body
 * @param maxWebhookBodySize the same for the providers' webhooks ({@value #WEBHOOKS}...): Meta batches its
 *        notifications and documents payloads "up to 3MB" (developers.facebook.com/docs/whatsapp/cloud-api/webhooks);
 *        a body refused there is retried by the provider and refused again, so its statuses would be lost for good
 */
@Validated
@ConfigurationProperties("followup.api")
record ApiSettings(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("3MB") DataSize maxWebhookBodySize,
        @DefaultValue("8MB") DataSize maxBatchBodySize) {

    /** Where the providers' webhooks live (io.followup.callbacks). */
    static final String WEBHOOKS = "/webhooks/";
    /** Where the external API's batches live ({@code POST /external-api/v1/debts/batch}). */
    static final String BATCH = "/batch";

    long maxBytesFor(String path) {
        if (path != null && path.startsWith(WEBHOOKS)) {
            return maxWebhookBodySize.toBytes();
        }
        return (path != null && path.startsWith("/external-api/") && path.endsWith(BATCH) ? maxBatchBodySize : maxBodySize).toBytes();
    }
}
