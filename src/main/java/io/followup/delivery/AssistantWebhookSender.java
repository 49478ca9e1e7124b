package io.followup.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;

/**
 * Posts AI steps to the assistant service, signed so it can tell them from forgeries and replays:
 * {@code X-Followup-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} over the exact bytes sent.
 */
final class AssistantWebhookSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TIMESTAMP = "X-Followup-Timestamp";
    static final String SIGNATURE = "X-Followup-Signature";
    private static final String TARGET = "Assistant service";

    private final DeliveryHttp http;
    private final DeliverySettings.Assistant settings;
    private final Clock clock;

    AssistantWebhookSender(DeliveryHttp http, DeliverySettings.Assistant settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    String send(AiStepMessage message) {
        String idempotencyKey = idempotencyKey(message);
        byte[] body = http.json().writeValueAsBytes(body(message, idempotencyKey));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        DeliveryHttp.Reply reply = http.execute(TARGET, http.client().post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(settings.secret(), timestamp, body))
                .body(body));
        return DeliveryHttp.text(reply.json(http.json()), "message_id");
    }

    /** The key the caller gave, or one derived from the step: either way the same on every attempt. */
    private static String idempotencyKey(AiStepMessage message) {
        if (message.idempotencyKey() != null && !message.idempotencyKey().isBlank()) {
            return message.idempotencyKey();
        }
        return "followup-" + message.enrollmentId() + "-step-" + message.stepNumber();
    }

    private static Map<String, Object> body(AiStepMessage message, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_id", message.tenantId());
        body.put("assistant_id", message.assistantId());
        body.put("lead_id", message.leadId());
        body.put("channel_id", message.channelId());
        body.put("enrollment_id", message.enrollmentId());
        body.put("step_number", message.stepNumber());
        body.put("prompt", message.prompt());
        body.put("lead", message.lead() == null ? Map.of() : message.lead());
        body.put("idempotency_key", idempotencyKey);
        return body;
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
