package io.followup.delivery;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lead phone numbers as this service keeps them: {@code +} and 8 to 15 digits, no leading zero (E.164). One rule for
 * the numbers leads are enrolled with and the numbers providers report inbound messages from, so the two match.
 */
public final class E164 {

    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** What people type between digits: spaces, parentheses, dots and dashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private E164() {
    }

    /** A number as a person or the platform wrote it ({@code +55 (11) 98888-7777}); empty when it is not international. */
    public static Optional<String> of(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String bare = SEPARATORS.matcher(typed).replaceAll("");
        return NUMBER.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    /** A number as WhatsApp providers write it: digits with the country code, with or without the {@code +}. */
    public static Optional<String> fromProvider(String digits) {
        if (digits == null) {
            return Optional.empty();
        }
        String stripped = digits.strip();
        String bare = stripped.startsWith("+") ? stripped.substring(1) : stripped;
        return bare.chars().allMatch(Character::isDigit) ? of("+" + bare) : Optional.empty();
    }
}
