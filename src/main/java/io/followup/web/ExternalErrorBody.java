package io.followup.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The external API's error envelope, as its seed and GetBill's errors page (https://docs.getbill.io/errors) show it.
 * {@code details} holds strings (a message per field) except in a 429, whose {@code retry_after} and {@code limit} are
 * numbers (https://docs.getbill.io/rate-limits); it is absent ({@code null}) on 401 and 403, whose documented bodies
 * have none.
 */
public record ExternalErrorBody(boolean error, String message, int code,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ?> details) {

    public ExternalErrorBody(String message, int code, Map<String, ?> details) {
        this(true, message, code, details);
    }
}
