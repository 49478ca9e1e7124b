package io.followup.collections;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.external.ExternalTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GetBill's debt object (get-debt), in its order; the figures come from the debt's follow-ups ({@link DebtActivity}).
 * Three members GetBill does not show are added at the end: {@code debtor_id} (for {@code /debts/by-debtor} and
 * {@code /debtors}), and the echo of {@code timeline_start_mode} and {@code accept_expensive_destination}.
 */
@Schema(name = "Debt")
record DebtResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted debt ID") String id,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "Mr") String civility,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String firstname,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String lastname,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "E.164") String phone,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String email,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date") String birthdate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250.00") BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250.00", description = "The amount as text, two decimals")
        @JsonProperty("amount_text") String amountText,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String object,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("internal_id") String internalId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("invoice_reference") String invoiceReference,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("debtor_reference") String debtorReference,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date") @JsonProperty("invoice_date") String invoiceDate,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date") @JsonProperty("due_date") String dueDate,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String address,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("street_address") String streetAddress,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("street_number") String streetNumber,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("postal_code") String postalCode,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String city,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String country,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"status.default.pending", "status.default.in_progress",
                "status.default.paid", "status.default.on_hold", "status.default.failed", "status.default.archived"}) String status,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("timeline_id") String timelineId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Outbound follow-ups that went out")
        @JsonProperty("nb_reminders") long nbReminders,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Follow-ups where the debtor talked")
        @JsonProperty("nb_answered") long nbAnswered,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "Summary of the latest follow-up that has one")
        String summary,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String iban,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("followups_count") long followupsCount,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String company,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("debtor_company") String debtorCompany,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("payment_link") String paymentLink,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> metadata,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", description = "When the debt was created here")
        @JsonProperty("import_date") String importDate,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", description = "Always null: no timelines here")
        @JsonProperty("last_timeline_restart") String lastTimelineRestart,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("payment_plan_active") boolean paymentPlanActive,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date") @JsonProperty("plan_start_date") String planStartDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Other numbers the debt's follow-ups used")
        List<DebtActivity.Contact> contacts,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted ID of the debt's debtor (not in GetBill's object)")
        @JsonProperty("debtor_id") String debtorId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "immediate",
                description = "As given on create or update: immediate or next_day (no behaviour here)")
        @JsonProperty("timeline_start_mode") String timelineStartMode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("accept_expensive_destination") boolean acceptExpensiveDestination) {

    static DebtResponse from(Debt debt, DebtActivity.Figures figures, PublicIds ids) {
        DebtFields f = debt.fields();
        return new DebtResponse(ids.encode(IdType.DEBT, debt.getId()), f.civility(), f.firstname(), f.lastname(), f.phone(),
                f.email(), ExternalTimes.format(f.birthdate()), f.amount(), f.amount().toPlainString(), f.currency(), f.object(),
                f.internalId(), f.invoiceReference(), f.debtorReference(), ExternalTimes.format(f.invoiceDate()),
                ExternalTimes.format(f.dueDate()), f.address(), f.streetAddress(), f.streetNumber(), f.postalCode(), f.city(),
                f.country(), debt.status().wire(), f.timelineId(), figures.reminders(), figures.answered(), figures.summary(),
                f.iban(), figures.followups(), f.company(), f.debtorCompany(), f.paymentLink(), f.metadata(),
                ExternalTimes.format(debt.getCreatedAt()), ExternalTimes.format(debt.getLastTimelineRestart()),
                f.paymentPlanActive(), ExternalTimes.format(f.planStartDate()), figures.contactsOtherThan(f.phone()),
                ids.encode(IdType.DEBTOR, debt.getDebtorId()), f.timelineStartMode(), f.acceptExpensiveDestination());
    }
}
