package io.followup.collections;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /external-api/v1/debts}, GetBill's create-debt fields. Dates arrive as text so that every
 * bad field is reported together. {@code firstname}, {@code lastname}, {@code amount}, {@code currency} and a
 * phone or an email are required.
 */
@Schema(name = "CreateDebtRequest")
public record CreateDebtRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = FieldLimits.NAME, pattern = NOT_BLANK)
        String firstname,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = FieldLimits.NAME, pattern = NOT_BLANK)
        String lastname,
        @Schema(maxLength = FieldLimits.CIVILITY, allowableValues = {"Mr", "Ms"}) String civility,
        @Schema(maxLength = FieldLimits.PHONE, example = "+33123456789",
                description = "Normalised to E.164; without a leading + it is read as a number of `country` (ISO 3166 alpha-2). "
                        + "A phone or an email is required")
        String phone,
        @Schema(maxLength = FieldLimits.EMAIL, format = "email", pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                description = "A phone or an email is required") String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "100000000000000000",
                description = "Greater than 0, at most 2 decimal places")
        BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 3, maxLength = 3, pattern = "^[A-Za-z]{3}$",
                description = "ISO 4217 code such as EUR, BRL or USD (any case)")
        String currency,
        @Schema(format = "date", description = "YYYY-MM-DD") String birthdate,
        @Schema(maxLength = FieldLimits.OBJECT, description = "What the debt is for") String object,
        @Schema(maxLength = FieldLimits.REFERENCE, description = "Your reference for the debt; unique per company when given (a taken one is 409)")
        @JsonProperty("internal_id") String internalId,
        @Schema(maxLength = FieldLimits.REFERENCE) @JsonProperty("invoice_reference") String invoiceReference,
        @Schema(maxLength = FieldLimits.REFERENCE, description = "Your reference for the debtor; debts with the same one share a debtor")
        @JsonProperty("debtor_reference") String debtorReference,
        @Schema(format = "date", description = "YYYY-MM-DD") @JsonProperty("invoice_date") String invoiceDate,
        @Schema(format = "date", description = "YYYY-MM-DD") @JsonProperty("due_date") String dueDate,
        @Schema(maxLength = FieldLimits.ADDRESS, description = "The whole address in one line") String address,
        @Schema(maxLength = FieldLimits.STREET_ADDRESS) @JsonProperty("street_address") String streetAddress,
        @Schema(maxLength = FieldLimits.STREET_NUMBER) @JsonProperty("street_number") String streetNumber,
        @Schema(maxLength = FieldLimits.POSTAL_CODE) @JsonProperty("postal_code") String postalCode,
        @Schema(maxLength = FieldLimits.CITY) String city,
        @Schema(maxLength = FieldLimits.COUNTRY, example = "FR", description = "Country; an ISO 3166 alpha-2 code also tells how to read a phone without +")
        String country,
        @Schema(maxLength = FieldLimits.IBAN, pattern = "^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,40}$", description = "Checked with its ISO 13616 check digits")
        String iban,
        @Schema(maxLength = FieldLimits.COMPANY, description = "The creditor's name") String company,
        @Schema(maxLength = FieldLimits.COMPANY, description = "The debtor's company, when the debtor is one") @JsonProperty("debtor_company") String debtorCompany,
        @Schema(maxLength = FieldLimits.URL, format = "uri", description = "http or https URL") @JsonProperty("payment_link") String paymentLink,
        @Schema(description = "Your own key-value data, stored and echoed (at most 16 KiB as JSON)",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> metadata,
        @Schema(maxLength = FieldLimits.REFERENCE, description = "GetBill's own timelines: stored and echoed, no behaviour here")
        @JsonProperty("timeline_id") String timelineId,
        @Schema(allowableValues = {"immediate", "next_day"}, description = "GetBill's own timelines: stored and echoed, no behaviour here")
        @JsonProperty("timeline_start_mode") String timelineStartMode,
        @Schema(defaultValue = "false", description = "Accept a premium-rate or shared-cost phone number (otherwise 422)")
        @JsonProperty("accept_expensive_destination") Boolean acceptExpensiveDestination,
        @Schema(defaultValue = "false", description = "GetBill's own payment plans: stored and echoed, no behaviour here")
        @JsonProperty("payment_plan_active") Boolean paymentPlanActive,
        @Schema(format = "date", description = "GetBill's own payment plans: stored and echoed, no behaviour here")
        @JsonProperty("plan_start_date") String planStartDate) {

    /** What {@link DebtFollowupRequestValidator#PHONE} accepts, for the OpenAPI document. */
    static final String PHONE_PATTERN = "^\\+?[0-9][0-9 ()\\-.]*$";
    static final String NOT_BLANK = "^[\\s\\S]*\\S[\\s\\S]*$";
}
