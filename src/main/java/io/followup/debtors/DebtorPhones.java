package io.followup.debtors;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A debtor's phone as GetBill keeps it: E.164, read by Google's libphonenumber like a debt's phone. A debtor has no
 * country field, so the number must be international ({@code +} and the country code).
 */
final class DebtorPhones {

    static final String INVALID = "Invalid phone number. Use the international format (E.164), e.g. +33123456789";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private DebtorPhones() {
    }

    /** @return the number in E.164, or empty when it is not a valid international number */
    static Optional<String> read(String text) {
        if (text == null || text.length() > DebtorLimits.PHONE) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(text, null);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        }
        catch (NumberParseException ex) {
            return Optional.empty();
        }
    }
}
