package io.followup.delivery;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta answers by {@code error.code}, not by HTTP status: throttling is HTTP 400 with code 130429, so
 * the status alone would fail a send that only has to wait. The codes and their sources are in
 * {@link ProviderFailures}, shared with the status callbacks. An unknown code falls back to the status.
 */
final class MetaErrors {

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
        ProviderFailures.Kind kind = ProviderFailures.meta(code.asInt());
        if (kind == ProviderFailures.Kind.THROTTLED || status >= 500) {
            return DeliveryException.retryable(detail, retryAfter, null);
        }
        return switch (kind) {
            case CHANNEL_FAULT -> DeliveryException.channelFault(detail, channelFaultWait);
            case OPTED_OUT -> DeliveryException.optedOut(detail);
            case PERMANENT -> DeliveryException.permanent(detail);
            // 131049 answered at once (not seen documented that way) is left to the status, as any other code.
            default -> DeliveryHttp.byStatus(status, detail, retryAfter);
        };
    }
}
