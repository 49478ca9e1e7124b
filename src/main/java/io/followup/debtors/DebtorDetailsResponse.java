package io.followup.debtors;

import java.math.BigDecimal;
import java.util.List;

import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GetBill's debtor with its totals (https://docs.getbill.io/api-reference/debtors/get-debtor), in its order; two members
 * GetBill does not show are added at the end: {@code currency} (what the totals are in) and {@code totalsByCurrency}.
 * See {@link DebtorTotals} for what the figures mean.
 */
@Schema(name = "DebtorDetails")
record DebtorDetailsResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted debtor ID (the debts' debtor_id)") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "John") String firstName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Doe") String lastName,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "john.doe@example.com") String email,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "+33612345678", description = "E.164") String phone,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String address,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "1985-03-15") String dateOfBirth,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-15 10:30:00", pattern = DebtorResponse.TIME,
                description = "When the debtor's first debt was created, UTC") String firstSeenAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-20 14:22:00", pattern = DebtorResponse.TIME,
                description = "When the debtor's latest debt was created, UTC") String lastSeenAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-01-20 14:22:00", pattern = DebtorResponse.TIME,
                description = "When the debtor record last changed (made, updated, or given a detail it lacked by a new debt), UTC") String lastUpdatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2500.00",
                description = "Sum of the amounts of the debtor's debts in its main currency (`currency`), paid ones included")
        BigDecimal totalDebtAmount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "750.00",
                description = "Sum of the amounts of the debtor's paid debts (status paid) in its main currency")
        BigDecimal totalPaidAmount,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100", example = "33",
                description = "Share of the debtor's debts (all currencies) whose status is paid, 0 to 100, rounded; null when the "
                        + "debtor has no debt left. Not GetBill's own score, whose formula GetBill does not publish")
        Integer averageRepaymentScore,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3", description = "The debtor's debts, all currencies")
        long debtsCount,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR",
                description = "Not in GetBill's object: the debtor's main currency, the one most of its debts are in (on a tie, "
                        + "the one of its newest debt), which totalDebtAmount and totalPaidAmount are in; null without debts")
        String currency,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Not in GetBill's object: the totals of each currency, the main currency first")
        List<CurrencyTotalsResponse> totalsByCurrency) {

    /** The debts of one currency. */
    @Schema(name = "DebtorCurrencyTotals")
    record CurrencyTotalsResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2500.00") BigDecimal totalDebtAmount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "750.00") BigDecimal totalPaidAmount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") long debtsCount) {
    }

    static DebtorDetailsResponse from(Debtor debtor, DebtorTotals totals, PublicIds ids) {
        DebtorResponse d = DebtorResponse.from(debtor, ids);
        List<CurrencyTotalsResponse> byCurrency = totals.byCurrency().stream()
                .map(c -> new CurrencyTotalsResponse(c.currency(), c.totalAmount(), c.paidAmount(), c.debts())).toList();
        return new DebtorDetailsResponse(d.id(), d.firstName(), d.lastName(), d.email(), d.phone(), d.address(), d.dateOfBirth(),
                d.firstSeenAt(), d.lastSeenAt(), d.lastUpdatedAt(), totals.totalAmount(), totals.paidAmount(),
                totals.repaymentScore(), totals.debts(), totals.currency(), byCurrency);
    }
}
