/**
 * Debtors: the person behind one or more debts of one company, matched when a debt is created
 * ({@link io.followup.debtors.Debtors}), and GetBill's {@code /external-api/v1/debtors} endpoints.
 */
package io.followup.debtors;
