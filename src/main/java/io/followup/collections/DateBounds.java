package io.followup.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import io.followup.web.FieldErrors;

/**
 * A bound of a list's date filter: a full ISO 8601 date-time, or a plain date ({@code YYYY-MM-DD}, GetBill's form of
 * these filters) meaning that whole day in UTC, from its first microsecond (a lower bound) to its last (an upper one).
 * The follow-up list's {@code scheduled_from}/{@code scheduled_to} and the debt lists' {@code created_after}/{@code created_before}.
 */
final class DateBounds {

    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateBounds() {
    }

    static Instant from(FieldErrors errors, String field, String text) {
        return bound(errors, field, text, false);
    }

    static Instant to(FieldErrors errors, String field, String text) {
        return bound(errors, field, text, true);
    }

    private static Instant bound(FieldErrors errors, String field, String text, boolean endOfDay) {
        if (text == null || !PLAIN_DATE.matcher(text.strip()).matches()) {
            return errors.instant(field, text);
        }
        LocalDate day = errors.date(field, text.strip());
        if (day == null) {
            return null;
        }
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        // PostgreSQL keeps microseconds: the day's last one, so the bound stays "included" as for a date-time.
        return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
    }
}
