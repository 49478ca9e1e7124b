package io.followup.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The fields of a request body that could not be read (unknown, wrong type, out of range), each
 * under its JSON path, and the paths left out of the body so that the rest could be read and
 * checked. Merged with the checks of the rest, the caller hears of every bad field at once.
 */
public record BodyProblems(Map<String, String> problems, Set<String> removed) {

    private static final String ATTRIBUTE = BodyProblems.class.getName();

    public BodyProblems {
        problems = Map.copyOf(problems);
        removed = Set.copyOf(removed);
    }

    /**
     * These problems first, then the errors the checks of the rest found, except at a path that was
     * left out: a "required" there only says that the bad value was taken away.
     */
    public Map<String, String> mergedWith(Map<String, String> otherErrors) {
        Map<String, String> all = new LinkedHashMap<>(problems);
        otherErrors.forEach((field, message) -> {
            if (!removed.contains(field)) {
                all.putIfAbsent(field, message);
            }
        });
        return all;
    }

    /** Remembers the problems of the body of the request being served, for the answer to the request. */
    static void attachToCurrentRequest(BodyProblems problems) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, problems, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** @return the problems of the body of the request being served, or null when its body was read whole */
    static BodyProblems ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (BodyProblems) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
