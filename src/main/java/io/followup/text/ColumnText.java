package io.followup.text;

/**
 * Makes text from outside the service (provider answers, error and exception messages) storable in a
 * column of a given size. PostgreSQL counts a varchar's size in characters (code points) and refuses
 * the NUL character in text and jsonb alike; either would turn the write that records a failure into
 * a failure of its own. Each bounded column has its size as a constant next to the code that writes it,
 * and passes its text through here at that one place.
 */
public final class ColumnText {

    /** Marks a cut; one code point, so a cut text is exactly as long as its column allows. */
    static final String CUT_MARK = "…";
    private static final int REPLACEMENT = '\uFFFD';

    private ColumnText() {
    }

    /**
     * The text without NUL characters and with any half of a surrogate pair replaced, cut to at most
     * {@code maxLength} code points (the last of them the cut mark when it was cut); null stays null.
     */
    public static String fit(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 2 * maxLength));
        int codePoints = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == 0) {
                continue;
            }
            if (codePoints == maxLength) {
                // One more to keep: the last one kept gives way to the mark.
                out.setLength(out.length() - Character.charCount(out.codePointBefore(out.length())));
                return out.append(CUT_MARK).toString();
            }
            // A lone surrogate (a pair split before it reached us) cannot be encoded as UTF-8.
            boolean loneSurrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
            out.appendCodePoint(loneSurrogate ? REPLACEMENT : codePoint);
            codePoints++;
        }
        return out.toString();
    }
}
