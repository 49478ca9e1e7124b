package io.followup.collections;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no such resource of the caller's company (another company's looks exactly the same). */
final class CollectionsNotFoundException extends ApiException {

    private CollectionsNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message, Map.of());
    }

    static CollectionsNotFoundException debt() {
        return new CollectionsNotFoundException("Debt not found");
    }

    static CollectionsNotFoundException debtor() {
        return new CollectionsNotFoundException("Debtor not found");
    }

    static CollectionsNotFoundException followup() {
        return new CollectionsNotFoundException("Followup not found");
    }
}
