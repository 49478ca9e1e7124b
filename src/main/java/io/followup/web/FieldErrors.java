package io.followup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The field errors of one request, collected so that every bad field is reported at once: keyed by JSON
 * path in the order found, then refused together by {@link #throwIfAny()} as one 400.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records a problem with {@code field}; a later one for the same field replaces the earlier message. */
    public FieldErrors add(String field, String message) {
        errors.put(field, message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @return the parsed value, or null when {@code text} is absent or (recording {@code invalid}) not a value */
    public <E> E parseEnum(String field, String text, Function<String, Optional<E>> parse, String invalid) {
        if (text == null) {
            return null;
        }
        Optional<E> value = parse.apply(text);
        if (value.isEmpty()) {
            add(field, invalid);
        }
        return value.orElse(null);
    }

    /** An ISO 8601 date-time with an offset, or null when absent or (recording why) unreadable. */
    public Instant instant(String field, String text) {
        return text == null ? null : IsoTimes.parse(field, text, errors);
    }

    /** An ISO 8601 date, or null when absent or (recording why) unreadable. */
    public LocalDate date(String field, String text) {
        return text == null ? null : IsoTimes.parseDate(field, text, errors);
    }

    /** Refuses the request with every recorded problem, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
