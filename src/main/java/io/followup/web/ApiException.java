package io.followup.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Each API surface renders it in its own error format, with
 * {@link #details()} as the per-field messages.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> details;

    protected ApiException(HttpStatus status, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> details() {
        return details;
    }
}
