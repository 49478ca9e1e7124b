package io.followup.ids;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicIdsTests {

    private final PublicIds ids = new PublicIds(new IdSettings(randomKey()));

    @Test
    void roundTripsAndIsDeterministic() {
        for (long id : new long[] {1, 2, 42, 1_000_000_007L, Long.MAX_VALUE}) {
            String encoded = ids.encode(IdType.DEBT, id);
            assertThat(encoded).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(ids.encode(IdType.DEBT, id)).isEqualTo(encoded);
            assertThat(ids.decode(IdType.DEBT, encoded)).contains(id);
        }
    }

    @Test
    void distinctRowsGetUnrelatedIds() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 10_000; id++) {
            assertThat(seen.add(ids.encode(IdType.FOLLOWUP, id))).isTrue();
        }
        assertThat(ids.encode(IdType.FOLLOWUP, 1).substring(0, 8)).isNotEqualTo(ids.encode(IdType.FOLLOWUP, 2).substring(0, 8));
    }

    @Test
    void anIdOfOneTypeIsNotAnIdOfAnother() {
        String debt = ids.encode(IdType.DEBT, 7);

        assertThat(ids.decode(IdType.FOLLOWUP, debt)).isEmpty();
        assertThat(ids.encode(IdType.FOLLOWUP, 7)).isNotEqualTo(debt);
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String id = ids.encode(IdType.DEBT, 123_456);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int tried = 0;
        for (int i = 0; i < id.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == id.charAt(i)) {
                    continue;
                }
                String tampered = id.substring(0, i) + c + id.substring(i + 1);
                assertThat(ids.decode(IdType.DEBT, tampered)).as(tampered).isEmpty();
                tried++;
            }
        }
        assertThat(tried).isEqualTo(32 * 63);
    }

    @Test
    void rejectsMalformedText() {
        assertThat(ids.decode(IdType.DEBT, null)).isEmpty();
        assertThat(ids.decode(IdType.DEBT, "")).isEmpty();
        assertThat(ids.decode(IdType.DEBT, "xyz789ghi012")).isEmpty();
        assertThat(ids.decode(IdType.DEBT, "1")).isEmpty();
        assertThat(ids.decode(IdType.DEBT, "!".repeat(32))).isEmpty();
        assertThat(ids.decode(IdType.DEBT, ids.encode(IdType.DEBT, 5) + "A")).isEmpty();
    }

    @Test
    void anotherKeyCannotReadOurIds() {
        PublicIds other = new PublicIds(new IdSettings(randomKey()));

        assertThat(other.decode(IdType.DEBT, ids.encode(IdType.DEBT, 9))).isEmpty();
    }

    @Test
    void refusesABadKey() {
        assertThatThrownBy(() -> new PublicIds(new IdSettings("c2hvcnQ="))).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> new PublicIds(new IdSettings("not base64 !"))).hasMessageContaining("base64");
    }

    static String randomKey() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
