package io.followup.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * Dates and times as the external API's seed writes them: UTC with an explicit offset
 * ({@code 2024-01-25T10:00:00+00:00}), fractions of a second only when there are any. Input takes
 * any ISO 8601 date-time with {@code Z} or an offset; one without an offset is ambiguous and refused.
 */
final class ExternalTimes {

    private static final DateTimeFormatter WRITE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private ExternalTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null : WRITE.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String format(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** @return the instant, or null after recording why {@code text} is not one under {@code field} */
    static Instant parse(String field, String text, Map<String, String> errors) {
        try {
            Instant instant = OffsetDateTime.parse(text.strip(), READ).toInstant();
            if (!inRange(instant.atOffset(ZoneOffset.UTC).getYear())) {
                errors.put(field, "Invalid " + field + ". The year must be between 1 and 9999");
                return null;
            }
            return instant;
        }
        catch (DateTimeParseException ex) {
            errors.put(field, looksLikeLocalDateTime(text)
                    ? "Invalid " + field + ". Include a time zone offset, e.g. 2024-01-25T10:00:00Z or 2024-01-25T07:00:00-03:00"
                    : "Invalid " + field + ". Must be in ISO 8601 format, e.g. 2024-01-25T10:00:00Z");
            return null;
        }
    }

    static LocalDate parseDate(String field, String text, Map<String, String> errors) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!inRange(date.getYear())) {
                errors.put(field, "Invalid " + field + ". The year must be between 1 and 9999");
                return null;
            }
            return date;
        }
        catch (DateTimeParseException ex) {
            errors.put(field, "Invalid " + field + ". Must be an ISO 8601 date, e.g. 2024-02-01");
            return null;
        }
    }

    /** PostgreSQL's timestamptz and date stop well short of what java.time can parse. */
    private static boolean inRange(int year) {
        return year >= 1 && year <= 9999;
    }

    private static boolean looksLikeLocalDateTime(String text) {
        try {
            java.time.LocalDateTime.parse(text.strip());
            return true;
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }
}
