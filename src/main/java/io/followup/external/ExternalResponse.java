package io.followup.external;

import io.swagger.v3.oas.annotations.media.Schema;

/** The external API's success envelope: {@code {"error": false, "message": ..., "data": ...}}. */
public record ExternalResponse<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Always false on success") boolean error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) T data) {

    /** GetBill's message for a single read (creates and updates say what they did). */
    public static final String SUCCESS = "Success";

    public static <T> ExternalResponse<T> of(String message, T data) {
        return new ExternalResponse<>(false, message, data);
    }
}
