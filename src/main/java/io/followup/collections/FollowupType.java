package io.followup.collections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Kinds of follow-up activity, in the order the seed lists them in its validation rules. */
public enum FollowupType {
    CALL, SMS, EMAIL, WHATSAPP, VOICEMAIL, MANUAL_CALL, PHYSICAL, POSTMAIL;

    static final String INVALID = "Invalid followup type. Valid types are: " + WireEnums.list(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FollowupType> fromWire(String value) {
        return WireEnums.parse(values(), value);
    }
}

/** Shared spelling of enums on the external API: lower-case snake_case, matched exactly. */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> Optional<E> parse(E[] values, String wire) {
        return Arrays.stream(values).filter(value -> value.name().toLowerCase(Locale.ROOT).equals(wire)).findFirst();
    }

    static String list(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
