package io.followup.oauth;

import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import io.followup.apiclients.ApiClients;
import io.followup.security.TrustedIssuer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * This server's tokens as the resource server checks them: RS256 with this server's public key only, {@code typ}
 * {@code at+jwt} (RFC 9068: no other JWT signed with the key passes for an access token), this issuer, and an
 * {@code exp} in the future.
 */
final class OwnIssuer implements TrustedIssuer {

    private static final OAuth2Error NO_EXPIRY = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no expiry (exp)", null);
    private static final OAuth2Error UNGRANTABLE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token carries a scope this issuer never grants", null);

    private final String issuer;
    private final NimbusJwtDecoder decoder;

    OwnIssuer(String issuer, RSAPublicKey key) {
        this.issuer = issuer;
        this.decoder = NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        JwtTypeValidator type = new JwtTypeValidator(AccessTokenClaims.ACCESS_TOKEN_TYPE);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(type, new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                (Jwt jwt) -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(NO_EXPIRY),
                OwnIssuer::onlyGrantableScopes));
    }

    /** A second lock on the admin surface: whatever signed it, a token of this issuer with another scope is no token. */
    private static OAuth2TokenValidatorResult onlyGrantableScopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        boolean grantable = scope == null || scope instanceof String text
                && Arrays.stream(text.split(" ")).allMatch(word -> word.isEmpty() || ApiClients.GRANTABLE_SCOPES.contains(word));
        return grantable ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(UNGRANTABLE);
    }

    @Override
    public String issuer() {
        return issuer;
    }

    @Override
    public JwtDecoder decoder() {
        return decoder;
    }
}
