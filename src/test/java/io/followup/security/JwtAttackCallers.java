package io.followup.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TreeSet;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.followup.apiclients.ApiClients;
import io.followup.security.JwtForgeries.Credentials;
import io.followup.support.OAuthServerKeys;
import io.followup.support.TestTokens;

import static io.followup.security.JwtForgeries.base64;

/** The callers of {@link JwtAttackIntegrationTests}: per surface and issuer, what their genuine tokens say and which key signs them. */
final class JwtAttackCallers {

    /** Every scope the own issuer grants, as its tokens write them (sorted, space-separated). */
    static final String OWN_SCOPES = String.join(" ", new TreeSet<>(ApiClients.GRANTABLE_SCOPES));

    /** The own issuer's genuine token comes from POST /token; forgeries of it are signed with {@link OAuthServerKeys}. */
    enum Surface { BACKEND, EXTERNAL, EXTERNAL_OWN_ISSUER }

    private JwtAttackCallers() {
    }

    /** Who is calling: the surface, the tenant (backend) or company (external), its genuine token and (own issuer) client ID. */
    record Caller(Surface surface, String id, String validToken, String clientId) {

        boolean own() {
            return surface == Surface.EXTERNAL_OWN_ISSUER;
        }

        String idClaim() {
            return surface == Surface.BACKEND ? CallerArgumentResolver.TENANT_CLAIM : CallerArgumentResolver.COMPANY_CLAIM;
        }

        String scopes() {
            return surface == Surface.BACKEND ? TestTokens.BACKEND_SCOPES : own() ? OWN_SCOPES : TestTokens.EXTERNAL_SCOPES;
        }

        /** The claims of a genuine token: subject, issuer, times, the caller's claim and scopes (and the own issuer's extras). */
        JWTClaimsSet.Builder claims() {
            return own() ? ownIssuerClaims(clientId, idClaim(), id, scopes()) : outsideIssuerClaims(idClaim(), id, scopes());
        }

        /** The header of a genuine token of the caller's issuer: {@code typ at+jwt} for the own one, {@code JWT} for the outside one. */
        JWSHeader.Builder header(JWSAlgorithm algorithm) {
            return new JWSHeader.Builder(algorithm).type(own() ? new JOSEObjectType("at+jwt") : JOSEObjectType.JWT);
        }

        /** Exactly this header and these claims, signed with the key of the caller's issuer. */
        String sign(JWSHeader header, JWTClaimsSet claims) {
            return own() ? OAuthServerKeys.get().sign(header, claims) : TestTokens.get().sign(header, claims);
        }

        String signWithOtherKey(JWSHeader header, JWTClaimsSet claims) {
            return own() ? TestTokens.get().sign(header, claims) : OAuthServerKeys.get().sign(header, claims);
        }

        Credentials trusted(JWTClaimsSet.Builder claims) {
            return trusted(header(JWSAlgorithm.RS256).build(), claims);
        }

        Credentials trusted(JWSHeader header, JWTClaimsSet.Builder claims) {
            return Credentials.bearer(sign(header, claims.build()));
        }

        /** The genuine token's header and signature over other claims. */
        Credentials resigned(JWTClaimsSet.Builder claims) {
            String[] parts = validToken.split("\\.");
            return Credentials.bearer(parts[0] + "." + base64(claims.build().toString()) + "." + parts[2]);
        }

        RSAPublicKey publicKey() {
            return own() ? (RSAPublicKey) OAuthServerKeys.get().keys().getPublic() : TestTokens.get().publicKey();
        }

        String otherIssuer() {
            return own() ? "followup-local" : OAuthServerKeys.ISSUER;
        }

        /** What the other issuer would put in a token for this caller (with this caller's scopes, whatever that issuer grants). */
        JWTClaimsSet.Builder otherIssuerClaims() {
            return own() ? outsideIssuerClaims(idClaim(), id, TestTokens.EXTERNAL_SCOPES)
                    : ownIssuerClaims("client-" + id, idClaim(), id, scopes());
        }

        JWSHeader otherIssuerHeader() {
            return new JWSHeader.Builder(JWSAlgorithm.RS256).type(own() ? JOSEObjectType.JWT : new JOSEObjectType("at+jwt")).build();
        }

        /** The key ID in the genuine token's header (the own issuer's key's thumbprint). */
        String kid() {
            try {
                return com.nimbusds.jwt.SignedJWT.parse(validToken).getHeader().getKeyID();
            }
            catch (java.text.ParseException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    static JWTClaimsSet.Builder outsideIssuerClaims(String idClaim, String id, String scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("test-client").issuer("followup-local").jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim(idClaim, id).claim("scope", scopes);
    }

    /** As io.followup.oauth.AccessTokenClaims writes them, besides Spring Authorization Server's sub, aud, nbf and jti. */
    static JWTClaimsSet.Builder ownIssuerClaims(String clientId, String idClaim, String id, String scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(clientId).audience(clientId).issuer(OAuthServerKeys.ISSUER)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("client_id", clientId).claim(idClaim, id).claim("scope", scopes);
    }
}
