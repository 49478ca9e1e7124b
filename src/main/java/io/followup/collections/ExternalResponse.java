package io.followup.collections;

/** The external API's success envelope: {@code {"error": false, "message": ..., "data": ...}}. */
public record ExternalResponse<T>(boolean error, String message, T data) {

    static <T> ExternalResponse<T> of(String message, T data) {
        return new ExternalResponse<>(false, message, data);
    }
}
