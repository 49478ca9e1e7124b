package io.followup.collections;

import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookPayload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the {@code data} of each event {@link CollectionsWebhooks} records is, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class CollectionsWebhookPayloads {

    @Bean
    WebhookPayload debtCreatedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.DEBT_CREATED, DebtResponse.class);
    }

    @Bean
    WebhookPayload debtUpdatedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.DEBT_UPDATED, DebtResponse.class);
    }

    @Bean
    WebhookPayload debtStatusChangedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.DEBT_STATUS_CHANGED, DebtResponse.class);
    }

    @Bean
    WebhookPayload debtDeletedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.DEBT_DELETED, DebtResponse.class);
    }

    @Bean
    WebhookPayload followupCreatedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.FOLLOWUP_CREATED, DebtFollowupResponse.class);
    }

    @Bean
    WebhookPayload followupUpdatedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.FOLLOWUP_UPDATED, DebtFollowupDetailsResponse.class);
    }

    @Bean
    WebhookPayload followupCompletedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.FOLLOWUP_COMPLETED, DebtFollowupDetailsResponse.class);
    }

    @Bean
    WebhookPayload followupFailedPayload() {
        return new WebhookPayload(WebhookAudience.EXTERNAL, WebhookEvents.FOLLOWUP_FAILED, DebtFollowupDetailsResponse.class);
    }
}
