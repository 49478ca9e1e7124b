package io.followup.enrollment;

import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookPayload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the {@code data} of each event {@link EnrollmentWebhooks} records is, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class EnrollmentWebhookPayloads {

    @Bean
    WebhookPayload enrollmentStartedPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.ENROLLMENT_STARTED, EnrollmentStartedData.class);
    }

    @Bean
    WebhookPayload enrollmentStoppedPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.ENROLLMENT_STOPPED, EnrollmentStoppedData.class);
    }

    @Bean
    WebhookPayload enrollmentCompletedPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.ENROLLMENT_COMPLETED, EnrollmentCompletedData.class);
    }

    @Bean
    WebhookPayload leadOptedOutPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.LEAD_OPTED_OUT, LeadOptedOutData.class);
    }

    @Bean
    WebhookPayload stepSentPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.STEP_SENT, StepEventData.class);
    }

    @Bean
    WebhookPayload stepDeliveredPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.STEP_DELIVERED, StepEventData.class);
    }

    @Bean
    WebhookPayload stepReadPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.STEP_READ, StepEventData.class);
    }

    @Bean
    WebhookPayload stepFailedPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.STEP_FAILED, StepEventData.class);
    }

    @Bean
    WebhookPayload stepSkippedPayload() {
        return new WebhookPayload(WebhookAudience.BACKEND, WebhookEvents.STEP_SKIPPED, StepEventData.class);
    }
}
