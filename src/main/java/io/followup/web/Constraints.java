package io.followup.web;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database constraint refused a write: a race the service's own check lost, answered like that check. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code ex} is the violation of the constraint named {@code name} (PostgreSQL names it in its message). */
    public static boolean violated(DataIntegrityViolationException ex, String name) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(name);
    }
}
