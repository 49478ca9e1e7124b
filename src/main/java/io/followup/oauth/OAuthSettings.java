package io.followup.oauth;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The external API's own authorization server: the client-credentials grant at {@code POST /token} (and
 * {@code /oauth/token}, GetBill's other spelling), for the API clients that company admins create.
 *
 * @param issuer the {@code iss} of its tokens and the base of its metadata: this service's public URL, as integrators
 *        reach it ({@code https://api.example.com}); the resource server tells its tokens from the outside issuer's by it
 * @param signingKeyLocation the RSA private key (PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}) that signs the tokens,
 *        the same on every instance ({@code file:/run/secrets/oauth-signing-key.pem}); its public half is published at
 *        {@code /.well-known/jwks.json}
 * @param accessTokenTtl how long a token is valid (GetBill's: one hour); a revoked client's tokens stay valid this long
 * @param tokenRequests brute-force limits on the token endpoint
 */
@Validated
@ConfigurationProperties("followup.oauth")
record OAuthSettings(
        @NotNull URI issuer,
        @NotNull Resource signingKeyLocation,
        @DefaultValue("1h") @NotNull Duration accessTokenTtl,
        @DefaultValue @Valid @NotNull TokenRequests tokenRequests) {

    /**
     * Token requests allowed per client ID and per caller address, each a token bucket refilled evenly over
     * {@code period}; counted before the secret is checked, so guessing costs the guesser, not the service's CPU.
     *
     * @param perClient requests per period naming one client ID (a client asks once an hour)
     * @param perAddress requests per period from one address (several integrators may share one)
     * @param period the time a whole budget takes to refill
     */
    record TokenRequests(@DefaultValue("60") @Min(1) long perClient, @DefaultValue("600") @Min(1) long perAddress,
            @DefaultValue("1h") @NotNull Duration period) {
    }

    OAuthSettings {
        if (issuer != null && (!issuer.isAbsolute() || issuer.getQuery() != null || issuer.getFragment() != null
                || !(issuer.getScheme().equals("https") || issuer.getScheme().equals("http")))) {
            throw new IllegalArgumentException("followup.oauth.issuer must be an http(s) URL without query or fragment, got " + issuer);
        }
        if (accessTokenTtl != null && (accessTokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || accessTokenTtl.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("followup.oauth.access-token-ttl must be between 1 minute and 1 day, got " + accessTokenTtl);
        }
    }

    /** The issuer as it appears in tokens and metadata: without a trailing slash. */
    String issuerText() {
        String text = issuer.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
