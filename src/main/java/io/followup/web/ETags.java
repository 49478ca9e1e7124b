package io.followup.web;

import java.util.Map;

/** Strong ETags carrying an entity's version, for If-Match optimistic concurrency. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version an If-Match header names, or null when absent or {@code *} */
    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException(Map.of("If-Match", "Must be an ETag this API returned, such as \"3\""));
    }
}
