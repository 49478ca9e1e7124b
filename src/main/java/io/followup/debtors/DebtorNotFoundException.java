package io.followup.debtors;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no such debtor of the caller's company (another company's, or a tampered ID, looks exactly the same). */
final class DebtorNotFoundException extends ApiException {

    private DebtorNotFoundException() {
        super(HttpStatus.NOT_FOUND, "Debtor not found", Map.of());
    }

    static DebtorNotFoundException byId() {
        return new DebtorNotFoundException();
    }
}
