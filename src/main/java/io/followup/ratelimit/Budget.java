package io.followup.ratelimit;

import java.util.Locale;

import io.followup.security.Integrator;

/**
 * The two allowances of an OAuth client, as GetBill counts them (https://docs.getbill.io/rate-limits): "standard"
 * requests (reads: 1,000 an hour) and "write operations" (create, update and delete: 500 an hour). A request counts
 * against exactly one of them, by its method.
 */
public enum Budget {

    READS,
    WRITES;

    /** Longest {@link #key}: the longer prefix and the longest integrator key. */
    static final int MAX_KEY_LENGTH = "writes:".length() + Integrator.MAX_KEY_LENGTH;

    /** POST, PUT, PATCH and DELETE write; everything else (GET, HEAD, OPTIONS) reads. */
    public static Budget of(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> WRITES;
            default -> READS;
        };
    }

    /** The bucket's name: this budget of this integrator, at most {@value #MAX_KEY_LENGTH} characters. */
    String key(Integrator integrator) {
        return name().toLowerCase(Locale.ROOT) + ":" + integrator.key();
    }
}
