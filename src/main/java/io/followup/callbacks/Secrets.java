package io.followup.callbacks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.followup.security.Hmac;


/** Constant-time checks of what a callback presents, so the time an answer takes tells nothing about the secret. */
final class Secrets {

    private static final String SIGNATURE_PREFIX = "sha256=";

    private Secrets() {
    }

    /** Whether {@code header} is {@code sha256=<hex HMAC-SHA256 of body with secret>} (Meta's X-Hub-Signature-256). */
    static boolean signatureMatches(String secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            return false;
        }
        String hex = header.substring(SIGNATURE_PREFIX.length()).trim();
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        }
        catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(secret, body), presented);
    }

    static boolean tokenMatches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        return Hmac.sha256(secret, body);
    }
}
