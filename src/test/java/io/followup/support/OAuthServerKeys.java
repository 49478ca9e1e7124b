package io.followup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The signing key of the service's own authorization server in tests ({@code followup.oauth.signing-key-location}),
 * and its issuer. A test holds the private key too, to make tokens the server itself never would (attacks).
 */
public final class OAuthServerKeys {

    /** The {@code followup.oauth.issuer} of the shared test context. */
    public static final String ISSUER = "https://auth.followup.test";

    private static OAuthServerKeys shared;

    private final KeyPair keys;
    private final Path privateKeyFile;

    private OAuthServerKeys(KeyPair keys, Path privateKeyFile) {
        this.keys = keys;
        this.privateKeyFile = privateKeyFile;
    }

    public static synchronized OAuthServerKeys get() {
        if (shared == null) {
            try {
                Path file = Files.createTempFile("followup-oauth", ".pem");
                file.toFile().deleteOnExit();
                shared = write(TestTokens.generate(), file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return shared;
    }

    /** Writes {@code keys}' private half to {@code file} as PKCS#8 PEM, the format the service reads. */
    public static OAuthServerKeys write(KeyPair keys, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new OAuthServerKeys(keys, file);
    }

    /** Value for {@code followup.oauth.signing-key-location}. */
    public String location() {
        return privateKeyFile.toUri().toString();
    }

    public KeyPair keys() {
        return keys;
    }

    /** Exactly this header and these claims, signed with the authorization server's own key. */
    public String sign(JWSHeader header, JWTClaimsSet claims) {
        return TestTokens.signWith(keys.getPrivate(), header, claims);
    }
}
