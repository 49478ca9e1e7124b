package io.followup.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified, so a client's repeated token costs one RSA verification, not
 * one per request (it was half the CPU of a request). Only the exact token string is remembered,
 * only after the configured decoder accepted it, and only until it expires; anything else goes to
 * that decoder.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 4_096;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (known.getExpiresAt() == null || known.getExpiresAt().isAfter(clock.instant())) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }
}
