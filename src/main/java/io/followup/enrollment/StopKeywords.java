package io.followup.enrollment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Whether an inbound message asks to stop: the whole message must be a stop keyword of any language, so that
 * "stop" opts out but "don't stop now" does not. Compared trimmed, without case, accents or trailing punctuation.
 */
@Component
class StopKeywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+$");

    private final Set<String> keywords;

    StopKeywords(WhatsAppRules rules) {
        this.keywords = rules.stopKeywords().values().stream().flatMap(words -> words.stream())
                .map(StopKeywords::normalised).filter(word -> !word.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean isStop(String text) {
        return text != null && keywords.contains(normalised(text));
    }

    static String normalised(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        return TRAILING_PUNCTUATION.matcher(bare).replaceAll("").strip().toUpperCase(Locale.ROOT);
    }
}
