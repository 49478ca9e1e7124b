package io.followup.apiclients;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no such API client, or not one of the caller's company (the two look the same). */
final class ApiClientNotFoundException extends ApiException {

    private ApiClientNotFoundException() {
        super(HttpStatus.NOT_FOUND, "API client not found", Map.of());
    }

    static ApiClientNotFoundException byClientId() {
        // The client ID is not echoed: it came from outside and may be anything.
        return new ApiClientNotFoundException();
    }
}
