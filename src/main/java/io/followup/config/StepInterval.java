package io.followup.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;

/**
 * Reads a step's ISO 8601 duration. Weeks, days and time parts are accepted, alone or together
 * ({@code P1W}, {@code P1DT12H}, {@code PT30M}); years and months are refused because they have
 * no fixed length. The JDK parses both halves: {@link Period} the date part (it knows weeks),
 * {@link Duration} the time part.
 */
public final class StepInterval {

    static final Duration MINIMUM = Duration.ofMinutes(30);
    static final Duration MAXIMUM = Duration.ofDays(365);
    static final Duration TEMPLATE_REQUIRED_FROM = Duration.ofHours(24);

    private StepInterval() {
    }

    /** @throws InvalidInterval with a message fit for the caller */
    public static Duration parse(String text) {
        String iso = text.strip().toUpperCase(Locale.ROOT);
        if (!iso.startsWith("P") || iso.length() < 3 || iso.endsWith("T")) {
            throw InvalidInterval.notIso(text);
        }
        int t = iso.indexOf('T');
        String datePart = t < 0 ? iso : iso.substring(0, t);
        String timePart = t < 0 ? null : "PT" + iso.substring(t + 1);
        try {
            Duration total = Duration.ZERO;
            if (datePart.length() > 1) {
                Period period = Period.parse(datePart);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw InvalidInterval.calendarUnits(text);
                }
                total = total.plusDays(period.getDays());
            }
            if (timePart != null) {
                total = total.plus(Duration.parse(timePart));
            }
            return total;
        }
        catch (DateTimeException | ArithmeticException ex) {
            throw InvalidInterval.notIso(text);
        }
    }

    static final class InvalidInterval extends RuntimeException {

        private InvalidInterval(String message) {
            super(message, null, false, false);
        }

        static InvalidInterval notIso(String text) {
            return new InvalidInterval("Must be an ISO 8601 duration such as PT30M, PT2H, P1D, P1W or P1DT12H");
        }

        static InvalidInterval calendarUnits(String text) {
            return new InvalidInterval("Years and months are not allowed (no fixed length): use weeks, days, hours or minutes");
        }
    }
}
