package io.followup.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders an error in the format of the surface it happened on; the one place both formats are built. */
@Component
public class ApiErrors {

    private final JsonMapper json;

    public ApiErrors(JsonMapper json) {
        this.json = json;
    }

    public static ResponseEntity<Object> response(ApiSurface surface, String path, HttpStatus status, String message,
            Map<String, ?> details) {
        return ResponseEntity.status(status)
                .contentType(contentType(surface))
                .body(body(surface, path, status, message, details));
    }

    /** For code outside Spring MVC (security filters): writes the same body straight to the response. */
    public void write(HttpServletResponse response, ApiSurface surface, String path, HttpStatus status, String message,
            Map<String, ?> details) throws IOException {
        response.setStatus(status.value());
        response.setContentType(contentType(surface).toString());
        json.writeValue(response.getOutputStream(), body(surface, path, status, message, details));
    }

    /**
     * {@code details} values are strings, a message per field, except where a documented body has numbers (a 429's
     * {@code retry_after} and {@code limit}).
     */
    static Object body(ApiSurface surface, String path, HttpStatus status, String message, Map<String, ?> details) {
        Map<String, Object> sorted = new TreeMap<>(details);
        if (surface == ApiSurface.EXTERNAL) {
            return new ExternalErrorBody(message, status.value(), withoutDetails(status, sorted) ? null : sorted);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            }
            catch (IllegalArgumentException ignored) {
                // a path that is not a valid URI reference is simply not echoed
            }
        }
        if (!sorted.isEmpty()) {
            problem.setProperty("errors", sorted);
        }
        return problem;
    }

    /**
     * GetBill's 401 and 403 bodies have no {@code details} member at all (https://docs.getbill.io/errors): a client that
     * compares them whole, or tells "no details" from "empty details", sees the same body here.
     */
    private static boolean withoutDetails(HttpStatus status, Map<String, ?> details) {
        return details.isEmpty() && (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN);
    }

    private static MediaType contentType(ApiSurface surface) {
        return surface == ApiSurface.EXTERNAL ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
    }

}
