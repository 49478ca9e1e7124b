package io.followup.collections;

import java.util.Map;

/** Length rules that match the columns they are stored in. */
final class Texts {

    private Texts() {
    }

    static void max(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, field + " must be at most " + max + " characters");
        }
    }

    static void required(Map<String, String> errors, String field, String value, String label, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, label + " is required");
        }
        else {
            max(errors, field, value, max);
        }
    }
}
