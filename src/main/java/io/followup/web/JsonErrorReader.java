package io.followup.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns an unreadable request body into a field-named message, without echoing internals. */
public final class JsonErrorReader {

    private JsonErrorReader() {
    }

    static Map<String, String> describe(HttpMessageNotReadableException ex) {
        return describe(ex.getCause());
    }

    /** Field-named message for a Jackson failure to read a request body (or part of one). */
    public static Map<String, String> describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Map.of(path(unknown), "Unknown field");
        }
        if (cause instanceof InputCoercionException coercion) {
            String field = path(coercion);
            if (field.isEmpty() && coercion.processor() != null && coercion.processor().streamReadContext() != null) {
                field = String.valueOf(coercion.processor().streamReadContext().currentName());
            }
            return Map.of(field.isEmpty() ? "body" : field, "Number is out of range");
        }
        if (cause instanceof StreamReadException parse && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate")) {
            return Map.of("body", "Malformed JSON: " + parse.getOriginalMessage());
        }
        if (cause instanceof StreamReadException parse) {
            return Map.of("body", "Malformed JSON" + location(parse));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = path(mismatch);
            if (path.isEmpty() && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
                return Map.of("body", "Malformed JSON: unexpected content after the JSON object");
            }
            if (path.isEmpty()) {
                return Map.of("body", "Request body must be a JSON object");
            }
            return Map.of(path, expected(mismatch.getTargetType(), mismatch instanceof InvalidFormatException));
        }
        if (cause instanceof JacksonException other && !path(other).isEmpty()) {
            return Map.of(path(other), "Invalid value");
        }
        return Map.of("body", "Request body is missing or is not valid JSON");
    }

    private static String expected(Class<?> type, boolean badFormat) {
        if (type == null) {
            return "Invalid value";
        }
        if (type == UUID.class) {
            return "Must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Must be true or false";
        }
        if (type == String.class) {
            return badFormat ? NoNulStringDeserializer.MESSAGE : "Must be a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "Must be a number";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "Must be an array";
        }
        if (type.isEnum()) {
            return "Invalid value";
        }
        return badFormat ? "Invalid value" : "Must be a JSON object";
    }

    static String path(JacksonException ex) {
        return path(ex.getPath());
    }

    static String path(List<JacksonException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(StreamReadException ex) {
        var location = ex.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
