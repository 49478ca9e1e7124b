package io.followup.debtors;

import java.time.LocalDate;

/** Validated values of a debtor update; a null field was not given and keeps its stored value. */
record DebtorChanges(String firstName, String lastName, String email, String phone, String address, LocalDate dateOfBirth) {

    boolean none() {
        return firstName == null && lastName == null && email == null && phone == null && address == null && dateOfBirth == null;
    }
}
