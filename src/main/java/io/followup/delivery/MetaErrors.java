package io.followup.delivery;

import java.time.Duration;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta answers by {@code error.code}, not by HTTP status: throttling is HTTP 400 with code 130429, so
 * the status alone would fail a send that only has to wait. Codes from Meta's WhatsApp Cloud API error
 * codes page (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) and
 * the copies of its table cited in shared/reference/whatsapp.md. An unknown code falls back to the status.
 */
final class MetaErrors {

    /** Wait, then the same send can succeed: throughput, pair rate, temporary failures, app rate limits. */
    static final Set<Integer> RETRY = Set.of(130429, 131056, 131000, 131016, 133004, 4, 80007);

    /** This send will never succeed: undeliverable, window closed, bad template or parameters. */
    static final Set<Integer> PERMANENT = Set.of(131026, 131047, 131051, 132000, 132001, 132005, 132007,
            132012, 132015, 132016, 132018, 131008, 131009, 100);

    /**
     * The user stopped marketing messages from this business: "Unable to deliver the message. This recipient has
     * chosen to stop receiving marketing messages on WhatsApp from your business." Meta: do not retry (error codes
     * page above; its details string as copied at https://dualhook.com/docs/whatsapp-error-131050).
     */
    static final int OPTED_OUT = 131050;

    /** The channel is broken for every lead (token expired, permission, account): no single step is at fault. */
    static final Set<Integer> CHANNEL_FAULT = Set.of(190, 0, 10, 131031, 368);

    private MetaErrors() {
    }

    /** A failure answer of Meta's, as the engine should treat it. */
    static DeliveryException classify(JsonMapper json, int status, byte[] body, String detail, Duration retryAfter,
            Duration channelFaultWait) {
        JsonNode error = DeliveryHttp.readJson(json, body).path("error");
        JsonNode code = error.path("code");
        if (!code.isIntegralNumber()) {
            return DeliveryHttp.byStatus(status, detail, retryAfter);
        }
        // The detail already quotes the body, code included.
        int value = code.asInt();
        if (RETRY.contains(value) || status >= 500) {
            return DeliveryException.retryable(detail, retryAfter, null);
        }
        if (CHANNEL_FAULT.contains(value)) {
            return DeliveryException.channelFault(detail, channelFaultWait);
        }
        if (value == OPTED_OUT) {
            return DeliveryException.optedOut(detail);
        }
        if (PERMANENT.contains(value)) {
            return DeliveryException.permanent(detail);
        }
        return DeliveryHttp.byStatus(status, detail, retryAfter);
    }
}
