package io.followup.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * An issuer besides the configured outside one whose tokens the APIs accept, with its own keys: a bean of this type
 * (the service's own authorization server, io.followup.oauth) gets every token whose {@code iss} is {@link #issuer()};
 * all other tokens go to the decoder Spring Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
public interface TrustedIssuer {

    /** The exact {@code iss} of this issuer's tokens. */
    String issuer();

    /** Verifies this issuer's tokens: signature with its keys, and its own rules (issuer, type, expiry). */
    JwtDecoder decoder();
}
