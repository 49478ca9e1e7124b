package io.followup.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.followup.security.Hmac;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Posts AI steps to the assistant service, signed so it can tell them from forgeries and replays:
 * {@code X-Followup-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} over the exact bytes sent.
 */
@Component
final class AssistantWebhookSender implements StepChannelSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TIMESTAMP = "X-Followup-Timestamp";
    static final String SIGNATURE = "X-Followup-Signature";
    private static final String TARGET = "Assistant service";

    private final DeliveryHttp http;
    private final DeliverySettings.Assistant settings;
    private final Clock clock;

    AssistantWebhookSender(DeliveryHttp http, DeliverySettings settings, Clock clock) {
        this.http = http;
        this.settings = settings.assistant();
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.ASSISTANT;
    }

    /** @return the assistant service's message ID, if it gave one */
    @Override
    public String send(StepDelivery delivery) {
        byte[] body = http.json().writeValueAsBytes(body(delivery));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, delivery.idempotencyKey())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(settings.secret(), timestamp, body))
                .body(body));
        return DeliveryHttp.text(reply.json(http.json()), "message_id");
    }

    private static Map<String, Object> body(StepDelivery delivery) {
        StepDelivery.Recipient to = delivery.to();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_id", to.tenantId());
        body.put("assistant_id", to.assistantId());
        body.put("lead_id", to.leadId());
        body.put("channel_id", to.channelId());
        body.put("enrollment_id", delivery.enrollmentId());
        body.put("step_number", delivery.stepNumber());
        body.put("prompt", delivery.content().prompt());
        body.put("lead", to.lead());
        body.put("idempotency_key", delivery.idempotencyKey());
        return body;
    }

    static String sign(String secret, String timestamp, byte[] body) {
        return Hmac.sha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }
}
