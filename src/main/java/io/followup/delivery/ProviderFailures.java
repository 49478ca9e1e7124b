package io.followup.delivery;

import java.util.Set;

/**
 * What a provider's error code says about a failed message, whether the provider answered the send with it (Meta,
 * {@link MetaErrors}) or reported it later in a status callback. One table for both, so the synchronous and the
 * asynchronous paths cannot drift apart.
 * <p>
 * Meta: the WhatsApp Cloud API error codes page
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) and the copies of its
 * table cited in shared/reference/whatsapp.md row 15 (throttling 130429 and 131056 "try again later"/"wait and retry",
 * 4 and 80007 app rate limits per https://developers.kaleyra.io/docs/cloud-api-error-codes; 131026 undeliverable; 190
 * token expired). 131049 "This message was not delivered to maintain healthy ecosystem engagement" is the recipient's
 * marketing cap, not a fault of the message: Meta's advice, as quoted at
 * https://blog.campaignhq.co/whatsapp-healthy-ecosystem-error-131049/ and
 * https://help.wanotifier.com/en/article/fix-error-131049-this-message-was-not-delivered-to-maintain-healthy-ecosystem-engagement-1xwbkvr,
 * is to wait at least 24 hours before resending. 131050 "This recipient has chosen to stop receiving marketing messages on
 * WhatsApp from your business": do not retry (its details string as copied at https://dualhook.com/docs/whatsapp-error-131050).
 * <p>
 * Gupshup: https://docs.gupshup.io/docs/error-and-status-messages and https://partner-docs.gupshup.io/docs/error-codes:
 * 1003 "Wallet Balance Low: Unable To Send Message / Check your wallet balance" and 4001 "API Rate Limited: ... Please
 * stop sending messages and contact Gupshup Team" are the account's, not the lead's; 1002 "Number Not Exist On WhatsApp",
 * 1006/1008 not opted in, 4005 paused template are the lead's or the template's; 1012 "Number Opted Out". 4002 "Invalid
 * Response From WhatsApp" is not documented as transient (no advice to retry), so it stays a failure.
 */
public final class ProviderFailures {

    /** What a failure code means for the step that sent the message. */
    public enum Kind {
        /** Wait, then the same message can go out: throughput, pair rate, temporary errors. */
        THROTTLED,
        /** The channel is broken for every lead (token, permission, account, wallet): no single step is at fault. */
        CHANNEL_FAULT,
        /** The recipient got too many marketing messages for now (Meta 131049): try again after a long wait. */
        RECIPIENT_LIMIT,
        /** The lead opted out (Meta 131050, Gupshup 1012). */
        OPTED_OUT,
        /** This message will never reach the lead: undeliverable, window closed, bad template or parameters. */
        PERMANENT,
        /** A code this table does not know. */
        UNKNOWN
    }

    private static final Set<Integer> META_THROTTLED = Set.of(130429, 131056, 131000, 131016, 133004, 4, 80007);
    private static final Set<Integer> META_CHANNEL_FAULT = Set.of(190, 0, 10, 131031, 368);
    private static final Set<Integer> META_PERMANENT = Set.of(131026, 131047, 131051, 132000, 132001, 132005, 132007,
            132012, 132015, 132016, 132018, 131008, 131009, 100);
    private static final int META_RECIPIENT_LIMIT = 131049;
    private static final int META_OPTED_OUT = 131050;

    private static final Set<String> GUPSHUP_CHANNEL_FAULT = Set.of("1003", "4001");
    private static final Set<String> GUPSHUP_PERMANENT = Set.of("1002", "1004", "1005", "1006", "1007", "1008", "1010",
            "1011", "4005");
    private static final String GUPSHUP_OPTED_OUT = "1012";

    private ProviderFailures() {
    }

    /** A Meta {@code error.code}. */
    public static Kind meta(int code) {
        if (META_THROTTLED.contains(code)) {
            return Kind.THROTTLED;
        }
        if (META_CHANNEL_FAULT.contains(code)) {
            return Kind.CHANNEL_FAULT;
        }
        if (META_PERMANENT.contains(code)) {
            return Kind.PERMANENT;
        }
        return code == META_OPTED_OUT ? Kind.OPTED_OUT : code == META_RECIPIENT_LIMIT ? Kind.RECIPIENT_LIMIT : Kind.UNKNOWN;
    }

    /** A Gupshup failure code, as its message events carry it. */
    public static Kind gupshup(String code) {
        if (GUPSHUP_CHANNEL_FAULT.contains(code)) {
            return Kind.CHANNEL_FAULT;
        }
        if (GUPSHUP_PERMANENT.contains(code)) {
            return Kind.PERMANENT;
        }
        return GUPSHUP_OPTED_OUT.equals(code) ? Kind.OPTED_OUT : Kind.UNKNOWN;
    }

    /** A code as a status callback of {@code channel} gave it; unknown when there is none. */
    public static Kind of(DeliveryChannel channel, String code) {
        if (code == null || code.isBlank()) {
            return Kind.UNKNOWN;
        }
        if (channel == DeliveryChannel.WHATSAPP_META) {
            try {
                return meta(Integer.parseInt(code.trim()));
            }
            catch (NumberFormatException notANumber) {
                return Kind.UNKNOWN;
            }
        }
        return channel == DeliveryChannel.WHATSAPP_GUPSHUP ? gupshup(code.trim()) : Kind.UNKNOWN;
    }
}
