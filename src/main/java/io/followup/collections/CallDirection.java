package io.followup.collections;

import java.util.Locale;
import java.util.Optional;

import io.followup.external.WireEnums;

enum CallDirection {
    INBOUND, OUTBOUND;

    static final String INVALID = "Invalid call direction. Valid directions are: " + WireEnums.list(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CallDirection> fromWire(String value) {
        return WireEnums.parse(values(), value);
    }
}
