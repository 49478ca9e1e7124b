package io.followup.text;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hardest texts from outside for a column of a given size, and what stored text must look like. */
public final class WorstTexts {

    private WorstTexts() {
    }

    /** By what makes each hard: longer than the column, multi-byte, NUL, a surrogate pair at the cut, ... */
    public static Map<String, String> forSize(int size) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("three times too long", "x".repeat(3 * size));
        texts.put("multi-byte letters", "ção ".repeat(size));
        texts.put("emoji just before the cut", "a".repeat(size - 2) + "😀".repeat(5));
        texts.put("emoji at the cut", "a".repeat(size - 1) + "😀".repeat(5));
        texts.put("emoji only", "😀".repeat(2 * size));
        texts.put("exactly the size, emoji last", "a".repeat(size - 1) + "😀");
        texts.put("NUL characters", "\u0000a".repeat(size + 1));
        texts.put("half a surrogate pair", "b\uD83D" + "c".repeat(size));
        texts.put("HTML with line breaks", "<html>\r\n\t<body>Bad Gateway</body>\r\n</html>\u0007".repeat(size / 10 + 1));
        return texts;
    }

    /** What a column of {@code size} accepts: no NUL, whole surrogate pairs only, at most {@code size} code points. */
    public static void assertStorable(String text, int size) {
        assertThat(text).doesNotContain("\u0000");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as("pair at %d", i).isTrue();
                i++;
            }
            else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(size);
    }
}
