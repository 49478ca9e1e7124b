package io.followup.external;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Dates and times as the external API's seed writes them: UTC with an explicit offset
 * ({@code 2024-01-25T10:00:00+00:00}), fractions of a second only when there are any. Reading is
 * {@link io.followup.web.IsoTimes}.
 */
public final class ExternalTimes {

    private static final DateTimeFormatter WRITE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private ExternalTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : WRITE.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String format(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
