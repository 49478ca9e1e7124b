package io.followup.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.followup.security.Integrator;
import io.followup.web.ApiErrors;
import io.followup.web.ApiSurface;
import io.followup.web.InvalidRequestException;
import io.followup.web.RequestSizeLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the external API's creates. The first request with a key claims it in
 * the database and runs; its response is kept and replayed, with {@code Idempotent-Replayed: true},
 * to every retry with the same key and the same request. The same key with another request is 422,
 * and while the first is still running, 409. Requests without the header cost nothing here.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    static final String INVALID_KEY = "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
            + " printable ASCII characters without spaces, such as a UUID";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /**
     * The external API's creates, by rule rather than by list: a {@code POST} on a collection, the one path
     * segment after {@code /external-api/v1/}, or on its {@code /batch}. A new resource is covered without being named here.
     */
    private static final Pattern CREATE_PATH = Pattern.compile("/external-api/v1/[a-z][a-z0-9_-]*(/batch)?");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

    private final IdempotencyStore store;
    private final IdempotencySettings settings;
    private final ApiErrors errors;
    private final Clock clock;

    IdempotencyFilter(IdempotencyStore store, IdempotencySettings settings, ApiErrors errors, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !CREATE_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        if (keys.size() != 1 || !isValidKey(keys.get(0))) {
            refuse(request, response, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE, INVALID_KEY);
            return;
        }
        Integrator integrator = Integrator.current().filter(Integrator::hasValidCompany).orElse(null);
        if (integrator == null) {
            // the controller refuses a token without a usable company (403): nothing gets created
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        }
        catch (IOException ex) {
            if (RequestSizeLimitFilter.isTooLarge(ex)) {
                errors.write(response, ApiSurface.EXTERNAL, request.getRequestURI(), HttpStatus.CONTENT_TOO_LARGE,
                        "Request body is too large", Map.of("body", "Request body is too large"));
                return;
            }
            throw ex;
        }
        String client = integrator.key();
        String key = keys.get(0);
        byte[] hash = fingerprint(request, body);
        Instant now = clock.instant();
        IdempotencyStore.Claim claim = store.claim(client, key, hash, now, now.plus(settings.inProgressTimeout()),
                now.plus(settings.ttl()));
        if (claim instanceof IdempotencyStore.Claimed claimed) {
            runAndKeep(new CachedBodyRequest(request, body), response, chain, client, key, claimed);
        }
        else if (claim instanceof IdempotencyStore.Held held && !Arrays.equals(held.requestHash(), hash)) {
            refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key was already used with a different request",
                    "This key was used with another body or endpoint; send a new key for a new request");
        }
        else if (claim instanceof IdempotencyStore.Held held && held.inProgress()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is in progress; retry shortly",
                    "A request with this key is in progress");
        }
        else {
            replay((IdempotencyStore.Held) claim, response);
        }
    }

    private void runAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String client,
            String key, IdempotencyStore.Claimed claimed) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500 && (status < 300 || captured.getContentSize() > 0)) {
                kept = keep(client, key, claimed, captured);
            }
        }
        finally {
            if (!kept) {
                release(client, key, claimed);
            }
            captured.copyBodyToResponse();
        }
    }

    /** @return whether the key is now settled (kept, or left for its lock to run out when the database failed) */
    private boolean keep(String client, String key, IdempotencyStore.Claimed claimed, ContentCachingResponseWrapper captured) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = captured.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            store.complete(client, key, claimed.owner(), captured.getStatus(), headers, captured.getContentAsByteArray());
        }
        catch (DataAccessException ex) {
            // The request did its work; answer it. A retry finds the key in progress until its lock runs out.
            log.warn("Could not keep the response for an Idempotency-Key: {}", ex.toString());
        }
        return true;
    }

    private void release(String client, String key, IdempotencyStore.Claimed claimed) {
        try {
            store.release(client, key, claimed.owner());
        }
        catch (DataAccessException ex) {
            log.warn("Could not release an Idempotency-Key after a failed request: {}", ex.toString());
        }
    }

    private static void replay(IdempotencyStore.Held held, HttpServletResponse response) throws IOException {
        response.setStatus(held.responseStatus());
        held.responseHeaders().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        byte[] body = held.responseBody() == null ? new byte[0] : held.responseBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
            String detail) throws IOException {
        errors.write(response, ApiSurface.EXTERNAL, request.getRequestURI(), status, message, Map.of(HEADER, detail));
    }

    static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The request as far as the key is concerned: method, path and the exact body bytes. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
