package io.followup.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.followup.ratelimit.RateLimit;
import io.followup.ratelimit.RateLimiter;
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
 * Brute force on the token endpoint: every request counts against the client ID it names and against the address it
 * comes from (buckets shared by every instance, in the external API's rate-limit store), before its secret is checked,
 * so a guesser spends its own budget rather than the service's CPU (a secret check is a bcrypt hash). Refused: 429 with
 * {@code Retry-After} and an RFC 6749-shaped body. Known limit: someone who knows a client ID can spend that client's
 * budget; the per-address budget is the first to stop them, and a client whose budget is gone waits at most
 * {@code period / perClient} for its next token.
 */
final class TokenRequestLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenRequestLimit.class);
    private static final int LONGEST_PLAIN_ID = 200;

    private final RateLimiter limiter;
    private final OAuthSettings.TokenRequests budget;
    private final Counter refused;

    TokenRequestLimit(RateLimiter limiter, OAuthSettings.TokenRequests budget, Counter refused) {
        this.limiter = limiter;
        this.budget = budget;
        this.refused = refused;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TokenRequests.isTokenRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> clientId = TokenRequests.clientId(request);
        RateLimit byAddress;
        RateLimit byClient;
        try {
            byAddress = limiter.tryAcquire("token-address:" + request.getRemoteAddr(), budget.perAddress(), budget.period());
            byClient = clientId.isEmpty() || !byAddress.allowed() ? null
                    : limiter.tryAcquire("token-client:" + bounded(clientId.get()), budget.perClient(), budget.period());
        }
        catch (RuntimeException ex) {
            log.warn("Token request limits could not be read; answered 503: {}", ex.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            OAuthErrors.write(response, HttpStatus.SERVICE_UNAVAILABLE, OAuthErrors.TEMPORARILY_UNAVAILABLE,
                    "Service temporarily unavailable; retry shortly");
            return;
        }
        RateLimit spent = !byAddress.allowed() ? byAddress : byClient != null && !byClient.allowed() ? byClient : null;
        if (spent == null) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(spent.retryAfterSeconds()));
        OAuthErrors.write(response, HttpStatus.TOO_MANY_REQUESTS, OAuthErrors.TOO_MANY_REQUESTS,
                "Too many token requests " + (spent == byAddress ? "from this address" : "for this client")
                        + "; retry after " + spent.retryAfterSeconds() + " seconds");
    }

    /**
     * A client ID as a bucket key: as sent when short and printable ASCII, else its SHA-256 (a key column holds 307
     * characters, and PostgreSQL text cannot hold a NUL: such an ID made the limit's store fail, a 503 for bad input).
     */
    private static String bounded(String clientId) {
        if (clientId.length() <= LONGEST_PLAIN_ID && clientId.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return clientId;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
