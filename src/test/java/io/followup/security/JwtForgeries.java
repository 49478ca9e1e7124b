package io.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.followup.support.TestTokens;

/** How {@link JwtAttackIntegrationTests} builds its forgeries: JWTs signed by keys that are not the service's, or by none. */
final class JwtForgeries {

    /** The attacker's own RSA key pair. */
    static final KeyPair ATTACKER = TestTokens.generate();

    private JwtForgeries() {
    }

    /** How the request is authenticated: the Authorization header (null: none) and a query string (may be empty). */
    record Credentials(String authorization, String query) {

        static Credentials bearer(String token) {
            return new Credentials("Bearer " + token, "");
        }
    }

    static Credentials unsigned(String header, JWTClaimsSet claims, String signature) {
        return unsigned(header, base64(claims.toString()), signature);
    }

    static Credentials unsigned(String header, String payload, String signature) {
        return Credentials.bearer(base64(header) + "." + payload + "." + signature);
    }

    static Credentials signed(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
        return Credentials.bearer(sign(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), signer, claims));
    }

    static Credentials byAttacker(JWSHeader header, JWTClaimsSet claims) {
        return Credentials.bearer(sign(header, new RSASSASigner((RSAPrivateKey) ATTACKER.getPrivate()), claims));
    }

    static Credentials embeddedJwk(JWTClaimsSet claims) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) ATTACKER.getPublic()).build();
        return byAttacker(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(jwk).build(), claims);
    }

    static Credentials withKeyHints(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../../dev/null")
                .jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json")).build();
        return byAttacker(header, claims);
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    static JWSSigner mac(byte[] secret) {
        try {
            return new MACSigner(secret);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JWSSigner ecSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return new ECDSASigner((ECPrivateKey) generator.generateKeyPair().getPrivate());
        }
        catch (java.security.GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A public key as PEM text, as an attacker who fetched it (or the JWK set) can write it. */
    static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static String headerOf(String token) {
        return token.split("\\.")[0];
    }

    static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    static String signatureOf(String token) {
        return token.split("\\.")[2];
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
