package io.followup.apiclients;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.Map;

/**
 * How long a rotated-out secret keeps working: an ISO 8601 duration from zero (it stops at once) to seven days.
 * Weeks, days and time parts are read ({@code P1D}, {@code PT36H}, {@code P1DT12H}); years and months have no fixed
 * length and are refused.
 */
final class GracePeriod {

    static final Duration DEFAULT = Duration.ofHours(24);
    static final Duration MAXIMUM = Duration.ofDays(7);
    private static final String FIELD = "grace_period";
    private static final int MAX_TEXT = 50;

    private GracePeriod() {
    }

    /** The default when {@code text} is absent; otherwise the duration, or a 400 naming grace_period. */
    static Duration parse(String text) {
        if (text == null) {
            return DEFAULT;
        }
        Duration duration = read(text);
        if (duration.isNegative()) {
            throw refused("grace_period must not be negative (PT0S ends the old secret at once)");
        }
        if (duration.compareTo(MAXIMUM) > 0) {
            throw refused("grace_period must be at most P7D");
        }
        return duration;
    }

    private static Duration read(String text) {
        String iso = text.strip().toUpperCase(Locale.ROOT);
        if (iso.length() > MAX_TEXT) {
            throw notIso();
        }
        boolean negative = iso.startsWith("-");
        String unsigned = negative ? iso.substring(1) : iso;
        if (!unsigned.startsWith("P") || unsigned.length() < 3 || unsigned.endsWith("T")) {
            throw notIso();
        }
        int t = unsigned.indexOf('T');
        String datePart = t < 0 ? unsigned : unsigned.substring(0, t);
        try {
            Duration total = Duration.ZERO;
            if (datePart.length() > 1) {
                Period period = Period.parse(datePart);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw refused("grace_period must not use years or months (no fixed length): use days, hours or minutes");
                }
                total = total.plusDays(period.getDays());
            }
            if (t >= 0) {
                total = total.plus(Duration.parse("PT" + unsigned.substring(t + 1)));
            }
            return negative ? total.negated() : total;
        }
        catch (DateTimeException | ArithmeticException ex) {
            throw notIso();
        }
    }

    private static InvalidApiClientException notIso() {
        return refused("grace_period must be an ISO 8601 duration such as PT24H, P1D or PT0S, at most P7D");
    }

    private static InvalidApiClientException refused(String message) {
        return new InvalidApiClientException(Map.of(FIELD, message));
    }
}
