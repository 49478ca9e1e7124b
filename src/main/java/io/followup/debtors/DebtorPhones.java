package io.followup.debtors;

import java.util.Optional;

import io.followup.external.PhoneNumbers;

/**
 * A debtor's phone as GetBill keeps it: E.164, read like a debt's phone ({@link PhoneNumbers}). A debtor has no
 * country field, so the number must be international ({@code +} and the country code).
 */
final class DebtorPhones {

    static final String INVALID = "Invalid phone number. Use the international format (E.164), e.g. +33123456789";

    private DebtorPhones() {
    }

    /** @return the number in E.164, or empty when it is not a valid international number */
    static Optional<String> read(String text) {
        return PhoneNumbers.read(text, null).map(PhoneNumbers.Phone::e164);
    }
}
