package io.followup.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** 400: one message per offending field, keyed by its JSON path ({@code steps[0].interval}). */
public class InvalidRequestException extends ApiException {

    public static final String MESSAGE = "Validation failed";

    public InvalidRequestException(Map<String, String> fieldErrors) {
        super(HttpStatus.BAD_REQUEST, MESSAGE, fieldErrors);
    }

    /** The same refusal under another message, where a GetBill page documents its own for the case. */
    public InvalidRequestException(String message, Map<String, String> fieldErrors) {
        super(HttpStatus.BAD_REQUEST, message, fieldErrors);
    }
}
