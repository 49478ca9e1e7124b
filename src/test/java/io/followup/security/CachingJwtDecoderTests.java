package io.followup.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTests {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        JwtDecoder decoder = new CachingJwtDecoder(accepting(NOW.plusSeconds(60)), Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        decoder.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheRealDecoder() {
        JwtDecoder real = token -> {
            verifications.incrementAndGet();
            if (verifications.get() > 1) {
                throw new BadJwtException("Jwt expired");
            }
            return jwt(NOW.plusSeconds(60));
        };
        MutableClock clock = new MutableClock(NOW);
        JwtDecoder decoder = new CachingJwtDecoder(real, clock);

        decoder.decode("token-a");
        clock.set(NOW.plusSeconds(61));

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        JwtDecoder decoder = new CachingJwtDecoder(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("bad signature");
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder accepting(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return jwt(expiresAt);
        };
    }

    private static Jwt jwt(Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "x").issuedAt(NOW.minusSeconds(10))
                .expiresAt(expiresAt).build();
    }
}
