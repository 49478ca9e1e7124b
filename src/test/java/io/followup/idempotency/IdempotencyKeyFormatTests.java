package io.followup.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyFormatTests {

    @ParameterizedTest
    @ValueSource(strings = {"a", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "order:42/retry_1", "!~{}"})
    void printableAsciiUpTo255CharactersIsAKey(String key) {
        assertThat(IdempotencyFilter.isValidKey(key)).isTrue();
        assertThat(IdempotencyFilter.isValidKey("k".repeat(255))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\t", "new\nline", "del\u007f", "caf\u00e9", "\u043a\u043b\u044e\u0447", "nul\u0000"})
    void anythingElseIsNot(String key) {
        assertThat(IdempotencyFilter.isValidKey(key)).isFalse();
        assertThat(IdempotencyFilter.isValidKey("k".repeat(256))).isFalse();
    }
}
