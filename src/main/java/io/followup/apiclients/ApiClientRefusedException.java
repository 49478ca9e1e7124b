package io.followup.apiclients;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** The call contradicts the caller's token (403) or the client's state (409). */
final class ApiClientRefusedException extends ApiException {

    private ApiClientRefusedException(HttpStatus status, String message, Map<String, String> details) {
        super(status, message, details);
    }

    /** A company admin named a company other than the one of its token. */
    static ApiClientRefusedException otherCompany() {
        return new ApiClientRefusedException(HttpStatus.FORBIDDEN,
                "The company_id is not the company of your token; a company admin manages only its own company's clients",
                Map.of("company_id", "Must be your token's company_id, or left out"));
    }

    /** The token's company_id claim is there but unusable: never read as an ops token. */
    static ApiClientRefusedException badCompanyClaim() {
        return new ApiClientRefusedException(HttpStatus.FORBIDDEN,
                "Token has no valid company_id claim (a non-empty string of at most " + ApiClients.MAX_COMPANY_LENGTH + " characters)",
                Map.of());
    }

    static ApiClientRefusedException revoked() {
        return new ApiClientRefusedException(HttpStatus.CONFLICT,
                "The API client is revoked; a revoked client gets no new secret (create a new client instead)", Map.of());
    }
}
