package io.followup.enrollment;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.followup.delivery.StepDelivery;

/** A step named by its key, {@link StepDelivery#idempotencyKey} ({@code enrollment:<uuid>:step:<n>}), as a provider echoes it. */
record StepKey(UUID enrollmentId, int step) {

    private static final Pattern FORMAT = Pattern.compile(
            "enrollment:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}):step:([1-9][0-9]{0,2})");

    static Optional<StepKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(key);
        return matcher.matches()
                ? Optional.of(new StepKey(UUID.fromString(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }
}
