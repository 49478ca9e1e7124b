package io.followup.debtors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import io.followup.external.TextLengths;
import io.followup.web.FieldErrors;
import io.followup.web.InvalidRequestException;

/** Checks a debtor update field by field, every problem under its JSON name, in GetBill's words where its page gives them. */
final class DebtorRequestValidator {

    /** GetBill's message (https://docs.getbill.io/api-reference/debtors/update-debtor). */
    static final String DATE_OF_BIRTH = "Invalid dateOfBirth format. Use YYYY-MM-DD";
    static final String EMAIL_INVALID = "Invalid email address";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private DebtorRequestValidator() {
    }

    /**
     * @throws InvalidRequestException naming every bad field; when the date of birth is the only one, under GetBill's
     *     message for it
     */
    static DebtorChanges changes(UpdateDebtorRequest request) {
        FieldErrors errors = new FieldErrors();
        DebtorChanges changes = new DebtorChanges(text(errors, "firstName", request.firstName(), DebtorLimits.NAME),
                text(errors, "lastName", request.lastName(), DebtorLimits.NAME), email(errors, request.email()),
                phone(errors, request.phone()), text(errors, "address", request.address(), DebtorLimits.ADDRESS),
                request.dateOfBirth() == null ? null : date(request.dateOfBirth()));
        boolean badDate = request.dateOfBirth() != null && changes.dateOfBirth() == null;
        if (badDate && errors.isEmpty()) {
            throw new InvalidRequestException(DATE_OF_BIRTH, Map.of("dateOfBirth", DATE_OF_BIRTH));
        }
        if (badDate) {
            errors.add("dateOfBirth", DATE_OF_BIRTH);
        }
        errors.throwIfAny();
        return changes;
    }

    private static String text(FieldErrors errors, String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            errors.add(field, field + " must not be blank");
            return null;
        }
        TextLengths.atMost(errors, field, stripped, max);
        return stripped;
    }

    private static String email(FieldErrors errors, String value) {
        if (value == null) {
            return null;
        }
        String email = value.strip();
        if (email.length() > DebtorLimits.EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add("email", EMAIL_INVALID);
            return null;
        }
        return email;
    }

    private static String phone(FieldErrors errors, String value) {
        if (value == null) {
            return null;
        }
        String phone = DebtorPhones.read(value).orElse(null);
        if (phone == null) {
            errors.add("phone", DebtorPhones.INVALID);
        }
        return phone;
    }

    /** A real calendar date written YYYY-MM-DD, in the years PostgreSQL stores; null otherwise. */
    private static LocalDate date(String value) {
        String text = value.strip();
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() >= 1 ? date : null;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
