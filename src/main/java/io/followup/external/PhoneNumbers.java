package io.followup.external;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Debtors' phone numbers (of debts and of debtors), read with Google's libphonenumber: normalised to E.164, with
 * what calling them costs.
 */
public final class PhoneNumbers {

    /** A valid number: its E.164 form, and whether it is a premium-rate or shared-cost one. */
    public record Phone(String e164, boolean expensive) {
    }

    public static final String INVALID = "Invalid phone number. Use the international format (E.164), e.g. +33123456789, "
            + "or a national number with an ISO 3166 alpha-2 country";

    /** The longest text read as a phone: the size of the phone columns. */
    public static final int MAX_LENGTH = 32;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param country the debt's country, or null; when it is an ISO 3166 alpha-2 code, a number without {@code +} is
     *     read as one of that country
     * @return the number, or empty when it is not a valid one
     */
    public static Optional<Phone> read(String text, String country) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String region = country != null && country.strip().length() == 2 ? country.strip().toUpperCase(Locale.ROOT) : null;
        try {
            PhoneNumber number = UTIL.parse(text, region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberType type = UTIL.getNumberType(number);
            boolean expensive = type == PhoneNumberType.PREMIUM_RATE || type == PhoneNumberType.SHARED_COST;
            return Optional.of(new Phone(UTIL.format(number, PhoneNumberFormat.E164), expensive));
        }
        catch (NumberParseException ex) {
            return Optional.empty();
        }
    }
}
