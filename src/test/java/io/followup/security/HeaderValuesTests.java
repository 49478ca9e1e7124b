package io.followup.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop decides every header value exactly as Spring Security's default expression does. */
class HeaderValuesTests {

    /** StrictHttpFirewall.HEADER_VALUE_PATTERN in Spring Security 7.1 (read from the class). */
    private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithSpringSecuritysExpressionOnEdgeCases() {
        List<String> values = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "a\tb", "a\nb", "a\rb",
                "\u0000", "\u001f", "\u007f", "\u0080", "\u009f", "\u00a0", "caf\u00e9", "\u0378" /* unassigned */,
                "\ud83d\ude00" /* emoji */, "\ud83d" /* lone high surrogate */, "\ude00x", "\ufffe", "\uffff",
                "\u200b", "\u2028", "x\u00ady", new String(Character.toChars(0x10FFFF)), new String(Character.toChars(0xE0001)));
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as("%s", escaped(value)).isEqualTo(SPRING.matcher(value).matches());
        }
    }

    @Test
    void agreesWithSpringSecuritysExpressionOnRandomText() {
        Random random = new Random(14);
        List<String> refused = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                // Mostly ASCII, some anywhere in the code point range, surrogates included.
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1) : random.nextInt(0x100);
                value.appendCodePoint(codePoint);
            }
            String text = value.toString();
            boolean expected = SPRING.matcher(text).matches();
            assertThat(HeaderValues.allowed(text)).as("%s", escaped(text)).isEqualTo(expected);
            if (!expected) {
                refused.add(text);
            }
        }
        assertThat(refused).hasSizeGreaterThan(1_000); // the sample covers both answers
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
