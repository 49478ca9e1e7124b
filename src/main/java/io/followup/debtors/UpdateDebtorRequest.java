package io.followup.debtors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code PUT}/{@code PATCH /external-api/v1/debtors/{id}}, GetBill's update-debtor fields
 * (https://docs.getbill.io/api-reference/debtors/update-debtor). All optional: a field left out (or null) keeps its value.
 * The date arrives as text so that every bad field is reported together.
 */
@Schema(name = "UpdateDebtorRequest", description = "All fields are optional; a field left out or null keeps its value (none can be cleared)")
record UpdateDebtorRequest(
        @Schema(minLength = 1, maxLength = DebtorLimits.NAME, pattern = NOT_BLANK, example = "John") String firstName,
        @Schema(minLength = 1, maxLength = DebtorLimits.NAME, pattern = NOT_BLANK, example = "Doe") String lastName,
        @Schema(maxLength = DebtorLimits.EMAIL, format = "email", pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                example = "john.newemail@example.com",
                description = "Debts created from now on with this email join this debtor") String email,
        @Schema(maxLength = DebtorLimits.PHONE, pattern = "^\\+[0-9][0-9 ()\\-.]*$", example = "+33699999999",
                description = "International format (E.164, separators allowed); stored normalised to E.164. "
                        + "Debts created from now on with this phone join this debtor") String phone,
        @Schema(minLength = 1, maxLength = DebtorLimits.ADDRESS, pattern = NOT_BLANK, example = "456 New Street, 75002 Paris, France")
        String address,
        @Schema(format = "date", example = "1985-03-15", description = "YYYY-MM-DD") String dateOfBirth) {

    static final String NOT_BLANK = "^[\\s\\S]*\\S[\\s\\S]*$";
}
