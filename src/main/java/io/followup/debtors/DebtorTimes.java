package io.followup.debtors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as GetBill's debtor pages write them: {@code 2024-01-15 10:30:00}, always UTC, whole seconds. */
final class DebtorTimes {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DebtorTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null : WRITE.format(instant);
    }
}
