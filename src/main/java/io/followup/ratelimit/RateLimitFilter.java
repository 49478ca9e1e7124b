package io.followup.ratelimit;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import io.followup.security.Integrator;
import io.followup.web.ApiErrors;
import io.followup.web.ApiSurface;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated external API request against its integrator's allowance, tells the
 * caller where it stands in the {@code X-RateLimit-*} headers (GetBill's: {@code Reset} is a Unix time, {@code Window}
 * the counting period in seconds), and refuses it with 429 and
 * {@code Retry-After} when nothing is left. Runs inside the security chain, right after the bearer
 * token is read, so refusals for a missing scope are counted and carry the headers too.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String WINDOW = "X-RateLimit-Window";
    /** GetBill's words for a refusal (https://docs.getbill.io, rate limits). */
    static final String EXCEEDED = "Rate limit exceeded. Please try again later.";

    private final RateLimiter limiter;
    private final ApiErrors errors;
    private final Counter refused;
    private final Clock clock;

    RateLimitFilter(RateLimiter limiter, ApiErrors errors, Counter refused, Clock clock) {
        this.limiter = limiter;
        this.errors = errors;
        this.refused = refused;
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
        RateLimit limit = limiter.tryAcquire(integrator);
        response.setHeader(LIMIT, Long.toString(limit.limit()));
        response.setHeader(REMAINING, Long.toString(limit.remaining()));
        // As GetBill sends it: the Unix time (seconds) at which the allowance is whole again, and the counting period.
        response.setHeader(RESET, Long.toString(clock.instant().getEpochSecond() + limit.resetSeconds()));
        response.setHeader(WINDOW, Long.toString(limit.windowSeconds()));
        if (limit.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()));
        errors.write(response, ApiSurface.EXTERNAL, request.getRequestURI(), HttpStatus.TOO_MANY_REQUESTS,
                EXCEEDED, Map.of());
    }
}
