package io.followup.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import io.followup.external.TextLengths;
import io.followup.web.FieldErrors;

/** Checks a new debt field by field, recording every problem under its JSON name. */
final class CreateDebtRequestValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    /** The values the request gives as text, typed; meaningful only when no error was added. */
    record Checked(String currency, LocalDate dueDate) {
    }

    private CreateDebtRequestValidator() {
    }

    static Checked check(CreateDebtRequest request, FieldErrors errors) {
        TextLengths.required(errors, "external_reference", request.externalReference(), "External reference", FieldLimits.EXTERNAL_REFERENCE);
        TextLengths.required(errors, "debtor_name", request.debtorName(), "Debtor name", FieldLimits.DEBTOR_NAME);
        if (request.debtorPhone() != null && !DebtFollowupRequestValidator.PHONE.matcher(request.debtorPhone()).matches()) {
            errors.add("debtor_phone", "Invalid debtor_phone. Use digits with an optional leading +, e.g. +5511999998888");
        }
        if (request.debtorEmail() != null && (request.debtorEmail().length() > FieldLimits.EMAIL || !EMAIL.matcher(request.debtorEmail()).matches())) {
            errors.add("debtor_email", "Invalid debtor_email");
        }
        checkAmount(request.amount(), errors);
        String currency = checkCurrency(request.currency(), errors);
        return new Checked(currency, errors.date("due_date", request.dueDate()));
    }

    private static void checkAmount(BigDecimal amount, FieldErrors errors) {
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
    }

    private static String checkCurrency(String currency, FieldErrors errors) {
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
        errors.add("currency", "Invalid currency. Must be an ISO 4217 code such as BRL, USD or EUR");
        return null;
    }
}
