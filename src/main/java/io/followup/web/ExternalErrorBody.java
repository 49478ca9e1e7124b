package io.followup.web;

import java.util.Map;

/** The external API's error envelope, exactly as its seed documents it. */
public record ExternalErrorBody(boolean error, String message, int code, Map<String, String> details) {

    public ExternalErrorBody(String message, int code, Map<String, String> details) {
        this(true, message, code, details);
    }
}
