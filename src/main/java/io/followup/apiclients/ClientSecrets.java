package io.followup.apiclients;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Makes client IDs and secrets, hashes secrets and checks them; a secret itself is never kept. */
@Component
class ClientSecrets {

    /** BCrypt reads at most 72 bytes and Spring's encoder refuses more; ours are 43 characters. */
    static final int MAX_SECRET_BYTES = 72;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /**
     * Checked against when there is no hash to check (unknown client, absurd secret), so that a wrong client ID costs the
     * same time as a wrong secret and the answer's timing does not tell which client IDs exist.
     */
    private final String dummyHash = encoder.encode(newSecret());

    /** 32 random bytes, base64url without padding (43 characters). */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 12 random bytes as 24 lowercase hex characters: URL-safe, and nothing to guess from. */
    String newClientId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The delegating encoder's form, {@code {bcrypt}$2a$10$...}. */
    String hash(String secret) {
        return encoder.encode(secret);
    }

    /**
     * Whether {@code secret} matches one of the hashes (null ones skipped). Always runs at least one hash check, and
     * never throws for what a caller sent.
     */
    boolean matchesAny(String secret, String... hashes) {
        boolean plausible = secret != null && !secret.isEmpty()
                && secret.length() <= MAX_SECRET_BYTES && secret.getBytes(StandardCharsets.UTF_8).length <= MAX_SECRET_BYTES;
        String candidate = plausible ? secret : "not-a-secret";
        boolean matched = false;
        boolean checked = false;
        for (String hash : hashes) {
            if (hash != null) {
                matched |= encoder.matches(candidate, hash);
                checked = true;
            }
        }
        if (!checked) {
            encoder.matches(candidate, dummyHash);
        }
        return plausible && matched;
    }
}
