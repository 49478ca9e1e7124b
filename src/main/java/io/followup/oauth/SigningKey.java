package io.followup.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The authorization server's RSA key, read from {@code followup.oauth.signing-key-location}: one key for every
 * instance, so a token signed by one is accepted by all. Its key ID is its RFC 7638 thumbprint, so a new key gets a new
 * ID by itself.
 */
final class SigningKey {

    private static final BigInteger SMALLEST_MODULUS = BigInteger.ONE.shiftLeft(2047);

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    static SigningKey read(Resource location) {
        RSAPrivateKey privateKey;
        try (InputStream in = location.getInputStream()) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        }
        catch (IOException | IllegalArgumentException ex) {
            throw new IllegalStateException("followup.oauth.signing-key-location: cannot read an RSA private key (PKCS#8 PEM) from "
                    + location + " (" + ex.getMessage() + "); make one with: openssl genpkey -algorithm RSA "
                    + "-pkeyopt rsa_keygen_bits:2048 -out oauth-signing-key.pem", ex);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("followup.oauth.signing-key-location: " + location
                    + " holds an RSA key without its public exponent (CRT parameters)");
        }
        if (crt.getModulus().compareTo(SMALLEST_MODULUS) < 0) {
            throw new IllegalStateException("followup.oauth.signing-key-location: " + location
                    + " holds an RSA key of " + crt.getModulus().bitLength() + " bits; use 2048 bits or more");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).build();
            return new SigningKey(new RSAKey.Builder(withoutId).keyIDFromThumbprint().build());
        }
        catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("followup.oauth.signing-key-location: unusable RSA key in " + location, ex);
        }
    }

    /** The key pair, for Spring Authorization Server's token generator and JWK set endpoint (which publishes the public half). */
    JWKSource<SecurityContext> jwkSource() {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    String keyId() {
        return key.getKeyID();
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
