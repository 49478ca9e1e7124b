package io.followup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens with an RSA key whose public half the service trusts through the standard
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} property.
 */
public final class TestTokens {

    public static final String BACKEND_SCOPES = "followup-configs:read followup-configs:write followup-events:write";
    public static final String EXTERNAL_SCOPES = "followups:read followups:write debts:read debts:write debtors:read debtors:write webhooks:read webhooks:write";
    /** What ops need to read /actuator/prometheus (and every actuator endpoint but health). */
    public static final String METRICS_SCOPE = "metrics:read";

    private static TestTokens shared;

    private final KeyPair keys;
    private final Path publicKeyFile;

    private TestTokens(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    /** One key for the whole test run. */
    public static synchronized TestTokens get() {
        if (shared == null) {
            try {
                Path file = Files.createTempFile("followup-jwt", ".pem");
                file.toFile().deleteOnExit();
                shared = create(generate(), file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return shared;
    }

    /** Signs with {@code keys} and writes their public half to {@code publicKeyFile}. */
    public static TestTokens create(KeyPair keys, Path publicKeyFile) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.createDirectories(publicKeyFile.toAbsolutePath().getParent());
        Files.writeString(publicKeyFile, pem);
        return new TestTokens(keys, publicKeyFile);
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Value for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    public String backend(UUID tenantId) {
        return backend(tenantId, BACKEND_SCOPES);
    }

    public String backend(UUID tenantId, String scopes) {
        return sign(Map.of("tenant_id", tenantId.toString(), "scope", scopes), Duration.ofHours(1));
    }

    public String external(String companyId) {
        return sign(Map.of("company_id", companyId, "scope", EXTERNAL_SCOPES), Duration.ofHours(1));
    }

    /** A token with these claims, valid from now for {@code lifetime} (negative: already expired). */
    public String sign(Map<String, Object> claims, Duration lifetime) {
        return sign(claims, lifetime, (RSAPrivateKey) keys.getPrivate());
    }

    /** The same, signed with another key: a forgery the service must refuse. */
    public static String forged(Map<String, Object> claims) {
        return sign(claims, Duration.ofHours(1), (RSAPrivateKey) generate().getPrivate());
    }

    /** The PEM text of the public key the service trusts (what an attacker can know). */
    public String publicKeyPem() {
        try {
            return Files.readString(publicKeyFile);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** Exactly these header and claims, signed with the trusted key: for tokens no other method makes. */
    public String sign(JWSHeader header, JWTClaimsSet claims) {
        return signWith(keys.getPrivate(), header, claims);
    }

    /** Exactly these header and claims, signed with {@code key}. */
    public static String signWith(java.security.PrivateKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static String sign(Map<String, Object> claims, Duration lifetime, RSAPrivateKey key) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("test-client")
                .issuer("followup-local")
                .issueTime(Date.from(lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofHours(1)) : now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
