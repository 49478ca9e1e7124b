package io.followup.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ColumnTextTests {

    @Test
    void shortTextStaysAsItIs() {
        assertThat(ColumnText.fit("Assistant service answered HTTP 400", 200)).isEqualTo("Assistant service answered HTTP 400");
        assertThat(ColumnText.fit("", 5)).isEmpty();
        assertThat(ColumnText.fit(null, 5)).isNull();
    }

    @Test
    void textOfExactlyTheSizeIsNotCut() {
        assertThat(ColumnText.fit("abcde", 5)).isEqualTo("abcde");
        assertThat(ColumnText.fit("😀😀😀", 3)).isEqualTo("😀😀😀");
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
    void nulCharactersAreDroppedAndDoNotCount() {
        assertThat(ColumnText.fit("\u0000a\u0000b\u0000", 2)).isEqualTo("ab");
        assertThat(ColumnText.fit("\u0000".repeat(10), 1)).isEmpty();
    }

    @Test
    void aPairSplitBeforeItArrivedIsReplaced() {
        assertThat(ColumnText.fit("ab\uD83D", 10)).isEqualTo("ab\uFFFD");
        assertThat(ColumnText.fit("\uDE00cd", 10)).isEqualTo("\uFFFDcd");
    }

    @Test
    void sizeOfOneKeepsOnlyTheMark() {
        assertThat(ColumnText.fit("ab", 1)).isEqualTo("…");
        assertThatIllegalArgumentException().isThrownBy(() -> ColumnText.fit("ab", 0));
    }
}
