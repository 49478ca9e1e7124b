package io.followup.text;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ColumnTextTests {

    /** A rule, then the text and size given to {@code fit}, then what it answers. */
    static Stream<Arguments> fits() {
        return Stream.of(
                Arguments.of("short text stays as it is", "Assistant service answered HTTP 400", 200,
                        "Assistant service answered HTTP 400"),
                Arguments.of("short text stays as it is", "", 5, ""),
                Arguments.of("short text stays as it is", null, 5, null),
                Arguments.of("text of exactly the size is not cut", "abcde", 5, "abcde"),
                Arguments.of("text of exactly the size is not cut", "😀😀😀", 3, "😀😀😀"),
                Arguments.of("NUL characters are dropped and do not count", "\u0000a\u0000b\u0000", 2, "ab"),
                Arguments.of("NUL characters are dropped and do not count", "\u0000".repeat(10), 1, ""),
                Arguments.of("a pair split before it arrived is replaced", "ab\uD83D", 10, "ab\uFFFD"),
                Arguments.of("a pair split before it arrived is replaced", "\uDE00cd", 10, "\uFFFDcd"));
    }

    @ParameterizedTest(name = "{0}: [{index}]")
    @MethodSource("fits")
    void fitKeepsWhatFits(String rule, String text, int size, String expected) {
        assertThat(ColumnText.fit(text, size)).isEqualTo(expected);
    }

    @Test
    void longTextIsCutToTheSizeWithAMark() {
        String cut = ColumnText.fit("x".repeat(400), 200);

        assertThat(cut).hasSize(200).endsWith("x…");
    }

    /** PostgreSQL counts code points: 200 emoji fit varchar(200) though Java counts 400 chars. */
    @Test
    void sizeCountsCodePointsAndNeverSplitsAPair() {
        String cut = ColumnText.fit("😀".repeat(300), 200);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
        assertThat(cut).isEqualTo("😀".repeat(199) + "…");
        assertThat(ColumnText.fit("a" + "😀".repeat(5), 3)).isEqualTo("a😀…");
    }

    @Test
    void sizeOfOneKeepsOnlyTheMark() {
        assertThat(ColumnText.fit("ab", 1)).isEqualTo("…");
        assertThatIllegalArgumentException().isThrownBy(() -> ColumnText.fit("ab", 0));
    }
}
