package io.followup.callbacks;

import java.util.Optional;

/** Providers write a lead's number as digits with the country code ({@code 5511987654321}); leads are kept as {@code +E.164}. */
final class Phones {

    private Phones() {
    }

    /** {@code +} and the digits, when they are 8 to 15 of them (E.164); otherwise nothing, and the message is not matched. */
    static Optional<String> e164(String providerNumber) {
        if (providerNumber == null) {
            return Optional.empty();
        }
        String digits = providerNumber.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        return digits.matches("[1-9][0-9]{7,14}") ? Optional.of("+" + digits) : Optional.empty();
    }
}
