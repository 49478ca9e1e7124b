package io.followup.ids;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.subtle.AesSiv;
import org.springframework.stereotype.Component;

/**
 * Turns internal {@code bigint} keys into the IDs the external API shows, and back, without a
 * database lookup. AES-SIV (RFC 5297, Google Tink) makes them deterministic (one row, one ID),
 * authenticated (a changed character fails to decrypt rather than naming another row) and typed
 * (the {@link IdType} is the associated data). 8 bytes of key plus a 16-byte synthetic IV give
 * 32 URL-safe characters.
 */
@Component
public class PublicIds {

    private static final int ENCODED_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + ENCODED_LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final DeterministicAead cipher;

    public PublicIds(IdSettings settings) {
        byte[] key;
        try {
            // `openssl rand -base64 64` wraps its output at 64 characters (the MIME form): the line
            // breaks, and any other whitespace a secret store adds, are not part of the key.
            key = Base64.getDecoder().decode(WHITESPACE.matcher(settings.key()).replaceAll(""));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("followup.ids.key is not valid base64", ex);
        }
        if (key.length != 64) {
            throw new IllegalStateException("followup.ids.key must be 64 bytes (base64 of `openssl rand -base64 64`); got " + key.length);
        }
        try {
            this.cipher = new AesSiv(key);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("followup.ids.key is not a usable AES-SIV key", ex);
        }
    }

    public String encode(IdType type, long id) {
        try {
            byte[] plain = ByteBuffer.allocate(Long.BYTES).putLong(id).array();
            return ENCODER.encodeToString(cipher.encryptDeterministically(plain, type.associatedData()));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt an ID", ex);
        }
    }

    /** @return the internal key, or empty when the text is not an ID of this type made with our key */
    public Optional<Long> decode(IdType type, String publicId) {
        if (publicId == null || !SHAPE.matcher(publicId).matches()) {
            return Optional.empty();
        }
        try {
            byte[] plain = cipher.decryptDeterministically(DECODER.decode(publicId), type.associatedData());
            return plain.length == Long.BYTES ? Optional.of(ByteBuffer.wrap(plain).getLong()) : Optional.empty();
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
