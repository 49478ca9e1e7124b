package io.followup.collections;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 409: the company already has a debt with this internal ID. */
final class DebtConflictException extends ApiException {

    DebtConflictException(String internalId) {
        super(HttpStatus.CONFLICT, "A debt with this internal_id already exists",
                Map.of("internal_id", "A debt with internal_id '" + internalId + "' already exists"));
    }
}
