package io.followup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * Reads date-times and dates from request fields: any ISO 8601 date-time with {@code Z} or an
 * offset (one without is ambiguous and refused), real calendar dates only, and years PostgreSQL can
 * store. A problem is recorded under the field's name instead of thrown, so every bad field of a
 * request is reported together.
 */
public final class IsoTimes {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private IsoTimes() {
    }

    /** @return the instant, or null after recording why {@code text} is not one under {@code field} */
    public static Instant parse(String field, String text, Map<String, String> errors) {
        try {
            Instant instant = OffsetDateTime.parse(text.strip(), DATE_TIME).toInstant();
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

    /** @return the date, or null after recording why {@code text} is not one under {@code field} */
    public static LocalDate parseDate(String field, String text, Map<String, String> errors) {
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
            LocalDateTime.parse(text.strip());
            return true;
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }
}
