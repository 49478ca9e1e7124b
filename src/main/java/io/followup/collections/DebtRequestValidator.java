package io.followup.collections;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.followup.external.PhoneNumbers;
import io.followup.external.TextLengths;
import io.followup.web.FieldErrors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the fields of a debt body one by one, recording every problem under its JSON name, in GetBill's words
 * where its pages give them. Each rule is a method of its own, so that create, update and batch share them.
 */
final class DebtRequestValidator {

    static final String PHONE_OR_EMAIL = "At least one valid phone or email is required";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final Set<String> CIVILITIES = Set.of("Mr", "Ms");
    private static final Set<String> TIMELINE_START_MODES = Set.of("immediate", "next_day");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DebtRequestValidator() {
    }

    /** A new debt's fields; meaningful only when no error was added. */
    static DebtFields create(CreateDebtRequest request, FieldErrors errors) {
        TextLengths.required(errors, "firstname", request.firstname(), "First name", FieldLimits.NAME);
        TextLengths.required(errors, "lastname", request.lastname(), "Last name", FieldLimits.NAME);
        String phone = phone(errors, request.phone(), request.country());
        String email = email(errors, request.email());
        if (request.phone() == null && request.email() == null) {
            errors.add("phone", PHONE_OR_EMAIL);
        }
        return new DebtFields(civility(errors, request.civility()), strip(request.firstname()), strip(request.lastname()),
                phone, email, errors.date("birthdate", request.birthdate()), amount(errors, request.amount()),
                currency(errors, request.currency()), text(errors, "object", request.object(), FieldLimits.OBJECT),
                text(errors, "internal_id", request.internalId(), FieldLimits.REFERENCE),
                text(errors, "invoice_reference", request.invoiceReference(), FieldLimits.REFERENCE),
                text(errors, "debtor_reference", request.debtorReference(), FieldLimits.REFERENCE),
                errors.date("invoice_date", request.invoiceDate()), errors.date("due_date", request.dueDate()),
                text(errors, "address", request.address(), FieldLimits.ADDRESS),
                text(errors, "street_address", request.streetAddress(), FieldLimits.STREET_ADDRESS),
                text(errors, "street_number", request.streetNumber(), FieldLimits.STREET_NUMBER),
                text(errors, "postal_code", request.postalCode(), FieldLimits.POSTAL_CODE),
                text(errors, "city", request.city(), FieldLimits.CITY),
                text(errors, "country", request.country(), FieldLimits.COUNTRY),
                iban(errors, request.iban()), text(errors, "company", request.company(), FieldLimits.COMPANY),
                text(errors, "debtor_company", request.debtorCompany(), FieldLimits.COMPANY),
                url(errors, "payment_link", request.paymentLink()), metadata(errors, request.metadata()),
                text(errors, "timeline_id", request.timelineId(), FieldLimits.REFERENCE),
                timelineStartMode(errors, request.timelineStartMode()),
                Boolean.TRUE.equals(request.acceptExpensiveDestination()), Boolean.TRUE.equals(request.paymentPlanActive()),
                errors.date("plan_start_date", request.planStartDate()));
    }

    /** Optional text: stripped, empty as absent, at most {@code max} characters. */
    static String text(FieldErrors errors, String field, String value, int max) {
        String stripped = strip(value);
        TextLengths.atMost(errors, field, stripped, max);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** The number in E.164 (whether it is an expensive one is {@link #refuseExpensive}'s to say). */
    static String phone(FieldErrors errors, String value, String country) {
        if (value == null) {
            return null;
        }
        PhoneNumbers.Phone phone = PhoneNumbers.read(value, country).orElse(null);
        if (phone == null) {
            errors.add("phone", PhoneNumbers.INVALID);
            return null;
        }
        return phone.e164();
    }

    /**
     * Refuses (422, after every 400 problem was reported) a premium-rate or shared-cost phone the body did not
     * accept, as GetBill does.
     */
    static void refuseExpensive(DebtFields fields) {
        if (fields.phone() != null && !fields.acceptExpensiveDestination()
                && PhoneNumbers.read(fields.phone(), null).filter(PhoneNumbers.Phone::expensive).isPresent()) {
            throw new ExpensiveDestinationException(fields.phone());
        }
    }

    static String email(FieldErrors errors, String value) {
        if (value == null) {
            return null;
        }
        String email = value.strip();
        if (email.length() > FieldLimits.EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add("email", "Invalid email address");
            return null;
        }
        return email;
    }

    static String civility(FieldErrors errors, String value) {
        if (value != null && !CIVILITIES.contains(value)) {
            errors.add("civility", "Invalid civility. Valid values are: Mr, Ms");
            return null;
        }
        return value;
    }

    static String timelineStartMode(FieldErrors errors, String value) {
        if (value != null && !TIMELINE_START_MODES.contains(value)) {
            errors.add("timeline_start_mode", "Invalid timeline_start_mode. Valid values are: immediate, next_day");
            return null;
        }
        return value;
    }

    static BigDecimal amount(FieldErrors errors, BigDecimal amount) {
        if (amount == null) {
            errors.add("amount", "Amount is required");
        }
        else if (amount.signum() <= 0) {
            errors.add("amount", "Amount must be greater than 0");
        }
        else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.add("amount", "Amount has at most 2 decimal places");
        }
        else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add("amount", "Amount is too large");
        }
        else {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return null;
    }

    static String currency(FieldErrors errors, String currency) {
        if (currency == null || currency.isBlank()) {
            errors.add("currency", "Currency is required");
            return null;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == FieldLimits.CURRENCY && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return code;
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below
        }
        errors.add("currency", "Invalid currency. Must be an ISO 4217 code such as EUR, BRL or USD");
        return null;
    }

    /** An IBAN without its spaces, upper case, its ISO 13616 check digits right. */
    static String iban(FieldErrors errors, String value) {
        if (value == null) {
            return null;
        }
        String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() > FieldLimits.IBAN || !IBAN.matcher(iban).matches() || !checkDigitsRight(iban)) {
            errors.add("iban", "Invalid IBAN");
            return null;
        }
        return iban;
    }

    private static boolean checkDigitsRight(String iban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static String url(FieldErrors errors, String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > FieldLimits.URL) {
            errors.add(field, field + " must be at most " + FieldLimits.URL + " characters");
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        }
        catch (URISyntaxException ex) {
            // reported below
        }
        errors.add(field, "Invalid " + field + ". Must be an http or https URL");
        return null;
    }

    static Map<String, Object> metadata(FieldErrors errors, Map<String, Object> metadata) {
        if (metadata != null && JSON.writeValueAsString(metadata).length() > FieldLimits.METADATA) {
            errors.add("metadata", "metadata must be at most " + FieldLimits.METADATA + " characters as JSON");
            return null;
        }
        return metadata;
    }

    static LocalDate date(FieldErrors errors, String field, String value) {
        return errors.date(field, value);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
