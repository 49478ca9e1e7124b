package io.followup.external;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared spelling of enums on the external API: lower-case snake_case, matched exactly. */
public final class WireEnums {

    private WireEnums() {
    }

    public static <E extends Enum<E>> Optional<E> parse(E[] values, String wire) {
        return Arrays.stream(values).filter(value -> value.name().toLowerCase(Locale.ROOT).equals(wire)).findFirst();
    }

    public static String list(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
