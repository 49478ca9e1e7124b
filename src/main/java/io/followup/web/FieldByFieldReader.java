package io.followup.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a JSON object to a request type with every rule of the mapper (unknown fields, strict
 * types, NUL, ranges), but does not stop at the first field it cannot read: it records that field's
 * problem, leaves the field out and reads the rest again, so the rest can still be checked.
 */
public final class FieldByFieldReader {

    /** A bound on the rereads; every reread has one node fewer, so a body has at most this many problems. */
    private static final int MAX_PROBLEMS = 100;

    private FieldByFieldReader() {
    }

    /** What could be read, and the problems of what could not ({@code null} when there were none). */
    public record Result<T>(T value, BodyProblems problems) {
    }

    /**
     * @throws JacksonException when a problem cannot be tied to a field (the body is not an object of
     *     the type at all), as reading it in one go would
     */
    public static <T> Result<T> read(ObjectMapper mapper, ObjectNode body, JavaType type) {
        ObjectNode current = body;
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        while (true) {
            try {
                T value = mapper.treeToValue(current, type);
                return new Result<>(value, problems.isEmpty() ? null : new BodyProblems(problems, removed));
            }
            catch (JacksonException ex) {
                Map<String, String> described = JsonErrorReader.describe(ex);
                if (described.containsKey("body") || problems.size() >= MAX_PROBLEMS) {
                    throw ex;
                }
                if (current == body) {
                    current = body.deepCopy();
                }
                String leftOut = leaveOut(current, ex.getPath());
                if (leftOut == null) {
                    throw ex;
                }
                described.forEach(problems::putIfAbsent);
                removed.add(leftOut);
            }
        }
    }

    /**
     * Removes the deepest object member on the path (an array element goes with its whole array, so
     * that later elements keep their indexes in other messages).
     *
     * @return the JSON path of what was removed, or null if the path leads to no object member
     */
    private static String leaveOut(ObjectNode root, List<JacksonException.Reference> path) {
        JsonNode node = root;
        ObjectNode owner = null;
        String member = null;
        int memberDepth = -1;
        for (int i = 0; i < path.size() && node != null; i++) {
            JacksonException.Reference ref = path.get(i);
            if (ref.getPropertyName() != null && node instanceof ObjectNode object) {
                owner = object;
                member = ref.getPropertyName();
                memberDepth = i;
                node = object.get(member);
            }
            else if (ref.getIndex() >= 0 && node.isArray()) {
                node = node.get(ref.getIndex());
            }
            else {
                node = null;
            }
        }
        if (owner == null || !owner.has(member)) {
            return null;
        }
        owner.remove(member);
        return JsonErrorReader.path(path.subList(0, memberDepth + 1));
    }
}
