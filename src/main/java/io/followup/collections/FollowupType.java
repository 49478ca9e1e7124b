package io.followup.collections;

import java.util.Locale;
import java.util.Optional;

import io.followup.external.WireEnums;

/** Kinds of follow-up activity, in the order the seed lists them in its validation rules. */
enum FollowupType {
    CALL, SMS, EMAIL, WHATSAPP, VOICEMAIL, MANUAL_CALL, PHYSICAL, POSTMAIL;

    static final String INVALID = "Invalid followup type. Valid types are: " + WireEnums.list(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FollowupType> fromWire(String value) {
        return WireEnums.parse(values(), value);
    }
}
