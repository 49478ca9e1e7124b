package io.followup.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the service answered: status, headers, raw body and the body as JSON (null if it is not JSON). */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonNode json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ApiResponse of(int status, HttpHeaders headers, String body) {
        JsonNode json = null;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        }
        catch (RuntimeException ex) {
            // not JSON; json stays null and assertions on it fail with the raw body in view
        }
        return new ApiResponse(status, headers, body, json);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
