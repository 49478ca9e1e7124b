package io.followup.external;

import io.followup.web.FieldErrors;

/** Required and length rules of external text fields, each limit the size of the column the text is stored in. */
public final class TextLengths {

    private TextLengths() {
    }

    public static void atMost(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, field + " must be at most " + max + " characters");
        }
    }

    public static void required(FieldErrors errors, String field, String value, String label, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, label + " is required");
        }
        else {
            atMost(errors, field, value, max);
        }
    }
}
