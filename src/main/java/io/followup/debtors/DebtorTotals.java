package io.followup.debtors;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a debtor's debts add up to. Amounts of different currencies are never added together: the figures GetBill
 * shows are those of the debtor's main currency (the one most of its debts are in; on a tie, the one of its newest
 * debt), and {@link #byCurrency} has every currency's. A debt counts as paid when its status is {@code paid} (this
 * service knows no partial payments).
 *
 * @param debts every debt of the debtor, whatever its currency
 * @param repaymentScore the share of the debtor's debts that are paid, 0 to 100, rounded; null without debts
 */
record DebtorTotals(long debts, String currency, BigDecimal totalAmount, BigDecimal paidAmount, Integer repaymentScore,
        List<CurrencyTotals> byCurrency) {

    /** The debts of one currency. */
    record CurrencyTotals(String currency, long debts, long paidDebts, BigDecimal totalAmount, BigDecimal paidAmount) {
    }

    /** @param byCurrency main currency first */
    static DebtorTotals of(List<CurrencyTotals> byCurrency) {
        if (byCurrency.isEmpty()) {
            return new DebtorTotals(0, null, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, List.of());
        }
        long debts = byCurrency.stream().mapToLong(CurrencyTotals::debts).sum();
        long paid = byCurrency.stream().mapToLong(CurrencyTotals::paidDebts).sum();
        CurrencyTotals main = byCurrency.get(0);
        int score = (int) Math.round(100.0 * paid / debts);
        return new DebtorTotals(debts, main.currency(), main.totalAmount(), main.paidAmount(), score, List.copyOf(byCurrency));
    }
}
