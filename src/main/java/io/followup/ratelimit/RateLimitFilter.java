package io.followup.ratelimit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.followup.security.Integrator;
import io.followup.web.ApiErrors;
import io.followup.web.ApiSurface;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated external API request against its integrator's read or write budget, tells the caller
 * where it stands in that budget's {@code X-RateLimit-*} headers (GetBill's: {@code Reset} is a Unix time,
 * {@code Window} the counting period in seconds), and refuses it with GetBill's 429 and {@code Retry-After} when
 * nothing is left. Runs inside the security chain, right after the bearer token is read, so refusals for a missing
 * scope are counted and carry the headers too.
 *
 * <p>A budget that cannot be read (the database is away) refuses the request with 503 and {@code Retry-After}, the
 * answer the rest of the request would give a moment later: letting it through would only add a second wait for the
 * database, and would let every client past its limit while the limiter cannot count.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String WINDOW = "X-RateLimit-Window";
    /** GetBill's words for a refusal (https://docs.getbill.io/rate-limits). */
    static final String EXCEEDED = "Rate limit exceeded. Please try again later.";
    /** The words and wait of the service's other answers to a database it cannot reach (io.followup.web). */
    static final String UNAVAILABLE = "Service temporarily unavailable; retry shortly";
    static final String UNAVAILABLE_RETRY_AFTER = "5";

    private final RateLimiter limiter;
    private final ApiErrors errors;
    private final Counter refused;
    private final Counter unknown;
    private final Clock clock;

    RateLimitFilter(RateLimiter limiter, ApiErrors errors, Counter refused, Counter unknown, Clock clock) {
        this.limiter = limiter;
        this.errors = errors;
        this.refused = refused;
        this.unknown = unknown;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiSurface.of(request) != ApiSurface.EXTERNAL;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Integrator integrator = Integrator.current().orElse(null);
        if (integrator == null) {
            // no valid token: security answers 401, and there is no client to count it against
            chain.doFilter(request, response);
            return;
        }
        RateLimit limit;
        try {
            limit = limiter.tryAcquire(integrator, Budget.of(request.getMethod()));
        }
        catch (RuntimeException ex) {
            unknown.increment();
            log.warn("Rate limit of {} could not be read; {} {} answered 503: {}", integrator.clientId(),
                    request.getMethod(), request.getRequestURI(), ex.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
            errors.write(response, ApiSurface.EXTERNAL, request.getRequestURI(), HttpStatus.SERVICE_UNAVAILABLE,
                    UNAVAILABLE, Map.of());
            return;
        }
        // As GetBill sends it: the Unix time (seconds) at which the allowance is whole again, and the counting period.
        Instant reset = Instant.ofEpochSecond(clock.instant().getEpochSecond() + limit.resetSeconds());
        response.setHeader(LIMIT, Long.toString(limit.limit()));
        response.setHeader(REMAINING, Long.toString(limit.remaining()));
        response.setHeader(RESET, Long.toString(reset.getEpochSecond()));
        response.setHeader(WINDOW, Long.toString(limit.windowSeconds()));
        if (limit.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()));
        errors.write(response, ApiSurface.EXTERNAL, request.getRequestURI(), HttpStatus.TOO_MANY_REQUESTS,
                EXCEEDED, details(limit, reset));
    }

    /** GetBill's 429 details: numbers for the wait and the limit, an ISO 8601 UTC time for the reset. */
    static Map<String, Object> details(RateLimit limit, Instant reset) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("retry_after", limit.retryAfterSeconds());
        details.put("limit", limit.limit());
        details.put("reset_time", reset.toString());
        return details;
    }
}
