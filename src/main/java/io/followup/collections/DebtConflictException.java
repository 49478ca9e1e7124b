package io.followup.collections;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 409: the company already has a debt with this external reference. */
final class DebtConflictException extends ApiException {

    DebtConflictException(String externalReference) {
        super(HttpStatus.CONFLICT, "A debt with this external_reference already exists",
                Map.of("external_reference", "A debt with external_reference '" + externalReference + "' already exists"));
    }
}
