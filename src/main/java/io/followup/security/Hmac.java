package io.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a text key (its UTF-8 bytes), the one recipe of every signature the service makes or checks: the
 * assistant webhook, the outbound webhooks, the providers' callbacks.
 */
public final class Hmac {

    private Hmac() {
    }

    /** The MAC of {@code parts}, one after the other. */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
        }
    }

    /** The same, in lowercase hex. */
    public static String sha256Hex(String secret, byte[]... parts) {
        return HexFormat.of().formatHex(sha256(secret, parts));
    }

}
