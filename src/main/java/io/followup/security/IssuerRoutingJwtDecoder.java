package io.followup.security;

import java.text.ParseException;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Sends each token to the decoder of the issuer it names: a {@link TrustedIssuer}'s tokens to that issuer's decoder,
 * everything else (other issuers, no issuer, not even a JWT) to the outside issuer's, which refuses or accepts it as
 * before. The unverified {@code iss} only picks the keys: a token naming one issuer but signed by the other's key fails
 * that issuer's signature check.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final JwtDecoder outside;
    private final Supplier<Map<String, JwtDecoder>> trusted;

    IssuerRoutingJwtDecoder(JwtDecoder outside, Supplier<Map<String, JwtDecoder>> trusted) {
        this.outside = outside;
        this.trusted = trusted;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Map<String, JwtDecoder> issuers = trusted.get();
        if (!issuers.isEmpty()) {
            String issuer = unverifiedIssuer(token);
            JwtDecoder own = issuer == null ? null : issuers.get(issuer);
            if (own != null) {
                return own.decode(token);
            }
        }
        return outside.decode(token);
    }

    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        }
        catch (ParseException | RuntimeException ex) {
            return null;
        }
    }
}
