package io.followup.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.followup.security.Hmac;
import org.springframework.stereotype.Component;

/**
 * Posts a delivery's exact body bytes, signed for its audience, and tells what came of it. Never throws for what the
 * receiver did: a refusal, a timeout and a broken connection are outcomes like an answer. Redirects are not followed
 * (a redirect could lead past the URL guard).
 */
@Component
class WebhookSender {

    static final String EVENT_ID = "X-Webhook-Event-Id";
    static final String DELIVERY_ID = "X-Webhook-Delivery-Id";
    static final String SEQUENCE = "X-Webhook-Sequence";
    static final String USER_AGENT = "followup-service-webhooks";
    static final String GETBILL_SIGNATURE = "X-GetBill-Signature";
    static final String GETBILL_SIGNATURE_PREVIOUS = "X-GetBill-Signature-Previous";
    static final String FOLLOWUP_TIMESTAMP = "X-Followup-Timestamp";
    static final String FOLLOWUP_SIGNATURE = "X-Followup-Signature";
    static final String FOLLOWUP_SIGNATURE_PREVIOUS = "X-Followup-Signature-Previous";

    private final HttpClient http;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookSender(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What came of one attempt: an answer's status code, or none and an error; latency in milliseconds. */
    record Outcome(boolean succeeded, Integer statusCode, long latencyMs, String error) {
    }

    Outcome post(DeliveryStore.Attempt attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_ID, attempt.eventId().toString())
                .header(DELIVERY_ID, attempt.deliveryId().toString())
                .header(SEQUENCE, Long.toString(attempt.sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        sign(request, attempt);
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is of no use; closing it at once spares reading a large or endless one.
            response.body().close();
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, status, millisSince(started), ok ? null : "The receiver answered HTTP " + status);
        }
        catch (HttpTimeoutException ex) {
            return new Outcome(false, null, millisSince(started), "Timed out: " + ex.getMessage());
        }
        catch (IOException ex) {
            return new Outcome(false, null, millisSince(started), "Connection failed: " + describe(ex));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, millisSince(started), "Interrupted while sending");
        }
        catch (IllegalArgumentException ex) {
            return new Outcome(false, null, millisSince(started), "The URL cannot be requested: " + ex.getMessage());
        }
    }

    private void sign(HttpRequest.Builder request, DeliveryStore.Attempt attempt) {
        String previous = attempt.previousSecretAt(clock.instant());
        if (attempt.audience() == WebhookAudience.EXTERNAL) {
            request.header(GETBILL_SIGNATURE, hmac(attempt.secret(), null, attempt.body()));
            if (previous != null) {
                request.header(GETBILL_SIGNATURE_PREVIOUS, hmac(previous, null, attempt.body()));
            }
            return;
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        request.header(FOLLOWUP_TIMESTAMP, timestamp);
        request.header(FOLLOWUP_SIGNATURE, "sha256=" + hmac(attempt.secret(), timestamp, attempt.body()));
        if (previous != null) {
            request.header(FOLLOWUP_SIGNATURE_PREVIOUS, "sha256=" + hmac(previous, timestamp, attempt.body()));
        }
    }

    /** Hex HMAC-SHA256 of the body, after {@code timestamp + "."} when there is a timestamp (the assistant webhook's recipe). */
    static String hmac(String secret, String timestamp, byte[] body) {
        return timestamp == null ? Hmac.sha256Hex(secret, body)
                : Hmac.sha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    private static String describe(IOException ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
