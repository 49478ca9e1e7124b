package io.followup.debtors;

import java.time.LocalDate;

/** Who a new debt says its debtor is: the fields a debtor is matched on and starts with. */
public record DebtorIdentity(String firstName, String lastName, String email, String phone, String address,
        LocalDate dateOfBirth, String debtorReference) {
}
