package io.followup.callbacks;

import java.util.Map;

/**
 * What Gupshup's error codes of a {@code failed} message event mean, from Gupshup's tables:
 * https://docs.gupshup.io/docs/error-and-status-messages and https://partner-docs.gupshup.io/docs/error-codes.
 * A step shows the meaning beside the code, so whoever reads it knows whether the lead or the account is at fault.
 */
final class GupshupErrors {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("1001", "Last mapped bot failed: the bot and sender details do not match"),
            Map.entry("1002", "Number does not exist on WhatsApp"),
            Map.entry("1003", "Wallet balance low: the Gupshup account cannot pay for messages (a fault of the account, not the lead)"),
            Map.entry("1004", "Template messaging disabled and the user is outside the session"),
            Map.entry("1005", "Template did not match and the user is outside the session"),
            Map.entry("1006", "User has not opted in for template messages"),
            Map.entry("1007", "User has not opted in and the template did not match"),
            Map.entry("1008", "User is neither opted in nor active"),
            Map.entry("1010", "Invalid media URL"),
            Map.entry("1011", "Invalid media size"),
            Map.entry("1012", "Number opted out"),
            Map.entry("4001", "API rate limited: Gupshup asks to stop sending and contact them"),
            Map.entry("4002", "Invalid response from WhatsApp"),
            Map.entry("4005", "Template paused"));

    private GupshupErrors() {
    }

    /** "Gupshup 1002: Number does not exist on WhatsApp", with Gupshup's own reason when it adds something. */
    static String describe(String code, String reason) {
        String meaning = code == null ? null : MEANINGS.get(code);
        StringBuilder text = new StringBuilder("Gupshup");
        if (code != null) {
            text.append(' ').append(code);
        }
        text.append(": ").append(meaning != null ? meaning : "the message failed");
        if (reason != null && !reason.equalsIgnoreCase(meaning)) {
            text.append(" (").append(reason).append(')');
        }
        return text.toString();
    }
}
