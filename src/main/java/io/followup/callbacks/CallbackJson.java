package io.followup.callbacks;

import java.time.Instant;
import java.util.Optional;

import io.followup.text.ColumnText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading provider callback bodies: every field may be missing or of another type, and none of that is a fault of ours. */
final class CallbackJson {

    /** Longest provider message ID kept; longer ones match no step anyway. */
    static final int MAX_ID = 200;
    /** Longest step key taken from Meta's opaque callback data (Meta allows 512 characters there). */
    static final int MAX_STEP_KEY = 512;
    /** Longest error text taken from a provider (the step's error holds at most 2000). */
    static final int MAX_ERROR = 500;
    /** Longest inbound text handed on (WhatsApp's own limit for a text message is 4096 characters). */
    static final int MAX_TEXT = 4096;

    private CallbackJson() {
    }

    static JsonNode parse(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw CallbackRefusedException.unreadable("the body is empty");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw CallbackRefusedException.badRequest("The callback body must be a JSON object", "body");
            }
            return root;
        }
        catch (JacksonException ex) {
            throw CallbackRefusedException.unreadable(ColumnText.fit(ex.getOriginalMessage(), 200));
        }
    }

    /** The field as text when it is a string or a number, cut to {@code max}; otherwise null. */
    static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !(value.isString() || value.isNumber())) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : ColumnText.fit(text, max);
    }

    /** Unix seconds, as a string (Meta) or a number (Gupshup's {@code ts}). */
    static Optional<Instant> epochSeconds(JsonNode node, String field) {
        return epoch(node, field).map(Instant::ofEpochSecond);
    }

    /** Unix milliseconds (Gupshup's {@code timestamp}). */
    static Optional<Instant> epochMillis(JsonNode node, String field) {
        return epoch(node, field).map(Instant::ofEpochMilli);
    }

    /** Seconds or milliseconds, told apart by size: a time in seconds reaches 10^11 only in the year 5138. */
    static Optional<Instant> epochSecondsOrMillis(JsonNode node, String field) {
        return epoch(node, field).map(value -> value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
    }

    private static Optional<Long> epoch(JsonNode node, String field) {
        String text = text(node, field, 20);
        if (text == null || !text.matches("[0-9]{1,16}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
