package io.followup.web;

import java.util.regex.Pattern;

/** Bean Validation reports Java property paths; the API speaks snake_case JSON paths. */
final class FieldPaths {

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private FieldPaths() {
    }

    /** {@code officialSteps[0].steps[1].templateName} becomes {@code official_steps[0].steps[1].template_name}. */
    static String toJson(String javaPath) {
        return HUMP.matcher(javaPath).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
