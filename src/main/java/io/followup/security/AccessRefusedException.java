package io.followup.security;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 403: an authenticated caller asked for something its token does not cover. */
final class AccessRefusedException extends ApiException {

    private AccessRefusedException(String message) {
        super(HttpStatus.FORBIDDEN, message, Map.of());
    }

    static AccessRefusedException otherTenant() {
        return new AccessRefusedException("The tenant in the path is not the tenant of your token");
    }

    static AccessRefusedException badClaim(String claim, String expected) {
        return new AccessRefusedException("Token has no valid " + claim + " claim (" + expected + ")");
    }
}
