package io.followup.debtors;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code debtor}: the person behind one or more debts of one company. */
record Debtor(long id, String firstName, String lastName, String email, String phone, String address, LocalDate dateOfBirth,
        Instant firstSeenAt, Instant lastSeenAt, Instant updatedAt) {
}
