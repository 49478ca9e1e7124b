package io.followup.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of a documented JSON example (say a GetBill page's success response), checked against what
 * the service answers: every documented member is present, with the documented JSON type. Values are
 * not compared, only kinds:
 * <ul>
 * <li>a documented string needs a string; one that reads as a date-time with an offset
 * ({@code 2024-01-22T10:30:00+00:00}), a date ({@code 2023-12-01}) or a space-separated local date-time
 * ({@code 2024-01-15 10:30:00}) needs a string that reads the same way;</li>
 * <li>a documented integer ({@code 3}) needs an integral number, a documented decimal ({@code 1250.00})
 * any number; a boolean a boolean;</li>
 * <li>a documented {@code null} means "nullable, type not shown": the member must be there, any value
 * passes;</li>
 * <li>an object is walked member by member; an array's every element is checked against every documented
 * element (an empty documented array only needs an array).</li>
 * </ul>
 * Several examples of one answer (a list with a call and an email, GET and PUT pages) are merged with
 * {@link #of(JsonNode...)}: a member null in one and a string in another is a nullable string, and a
 * member in any of them is expected. Members the service adds are allowed unless {@link #exactly(String)}
 * says otherwise; an empty array passes unless {@link #nonEmpty(String)} asks for elements. Paths name members from the root: {@code data.email_opened}, {@code data[].id}
 * ({@code []} is every element), {@code $} the root itself.
 *
 * <pre>{@code
 * DocumentedShape.of(DocumentedExample.load("getbill/followups/get-followup.response.json").body())
 *         .nullable("data.call_date")   // a documented deviation, said where it is made
 *         .assertMatches(response.json());
 * }</pre>
 */
public final class DocumentedShape {

    /** How a documented value constrains the answer's value at its place. */
    enum Kind {
        STRING, DATE_TIME, DATE, LOCAL_DATE_TIME, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, ANY
    }

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final List<JsonNode> examples;
    private final Set<String> nullable = new LinkedHashSet<>();
    private final Set<String> optional = new LinkedHashSet<>();
    private final Set<String> exact = new LinkedHashSet<>();
    private final Set<String> nonEmpty = new LinkedHashSet<>();

    private DocumentedShape(List<JsonNode> examples) {
        this.examples = examples;
    }

    /** The merged shape of one or more documented examples of the same answer. */
    public static DocumentedShape of(JsonNode... examples) {
        if (examples.length == 0) {
            throw new IllegalArgumentException("at least one documented example");
        }
        return new DocumentedShape(List.of(examples));
    }

    /** The member at {@code path} may be null in the answer although the documentation shows a value (a deviation: say why where you call it). */
    public DocumentedShape nullable(String... paths) {
        nullable.addAll(List.of(paths));
        return this;
    }

    /** The member at {@code path} may be missing from the answer (a deviation: say why where you call it). */
    public DocumentedShape optional(String... paths) {
        optional.addAll(List.of(paths));
        return this;
    }

    /** The object at {@code path} must carry the documented members and no others ({@code $} for the root). */
    public DocumentedShape exactly(String path) {
        exact.add(path);
        return this;
    }

    /**
     * The array at {@code path} must have at least one element, so that its documented elements are compared with
     * something (without it an empty answer passes, having no element of another shape).
     */
    public DocumentedShape nonEmpty(String path) {
        nonEmpty.add(path);
        return this;
    }

    /** Every difference between the answer and the documented shape, one line each with its path; empty when it matches. */
    public List<String> mismatches(JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("$", examples, actual, problems);
        return problems;
    }

    /** Fails, listing every difference, unless {@code actual} has the documented shape. */
    public void assertMatches(JsonNode actual) {
        List<String> problems = mismatches(actual);
        assertThat(problems).as("differences from the documented shape, in\n%s\n", actual).isEmpty();
    }

    /** The kind a documented value asks for (visible to tests of this class). */
    static Kind kindOf(JsonNode documented) {
        if (documented == null || documented.isNull()) {
            return Kind.ANY;
        }
        if (documented.isObject()) {
            return Kind.OBJECT;
        }
        if (documented.isArray()) {
            return Kind.ARRAY;
        }
        if (documented.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (documented.isIntegralNumber()) {
            return Kind.INTEGER;
        }
        if (documented.isNumber()) {
            return Kind.NUMBER;
        }
        String text = documented.asString();
        if (DATE_TIME.matcher(text).matches()) {
            return Kind.DATE_TIME;
        }
        if (DATE.matcher(text).matches()) {
            return Kind.DATE;
        }
        if (LOCAL_DATE_TIME.matcher(text).matches()) {
            return Kind.LOCAL_DATE_TIME;
        }
        return Kind.STRING;
    }

    private void compare(String path, List<JsonNode> documented, JsonNode actual, List<String> problems) {
        Kind kind = merged(path, documented, problems);
        if (kind == null) {
            return;
        }
        boolean mayBeNull = kind == Kind.ANY || nullable.contains(path) || documented.stream().anyMatch(JsonNode::isNull);
        if (actual.isNull()) {
            if (!mayBeNull) {
                problems.add(path + ": documented as " + describe(kind) + ", answered null");
            }
            return;
        }
        if (kind == Kind.ANY) {
            return;
        }
        if (!fits(kind, actual)) {
            problems.add(path + ": documented as " + describe(kind) + " (e.g. " + firstValue(documented) + "), answered " + actual);
            return;
        }
        if (kind == Kind.OBJECT) {
            compareMembers(path, documented, actual, problems);
        }
        else if (kind == Kind.ARRAY) {
            List<JsonNode> elements = new ArrayList<>();
            documented.stream().filter(JsonNode::isArray).forEach(array -> array.forEach(elements::add));
            if (actual.isEmpty() && nonEmpty.contains(path)) {
                problems.add(path + ": documented with elements, answered [] (nothing to compare them with)");
            }
            if (!elements.isEmpty()) {
                for (int i = 0; i < actual.size(); i++) {
                    compareElement(path, i, elements, actual.get(i), problems);
                }
            }
        }
    }

    private void compareElement(String path, int index, List<JsonNode> elements, JsonNode actual, List<String> problems) {
        List<String> found = new ArrayList<>();
        compare(path + "[]", elements, actual, found);
        found.forEach(problem -> problems.add(problem.replaceFirst(Pattern.quote(path + "[]"), path + "[" + index + "]")));
    }

    private void compareMembers(String path, List<JsonNode> documented, JsonNode actual, List<String> problems) {
        Map<String, List<JsonNode>> members = new LinkedHashMap<>();
        for (JsonNode example : documented) {
            if (example.isObject()) {
                for (Map.Entry<String, JsonNode> member : example.properties()) {
                    if (!member.getKey().startsWith("_")) {
                        members.computeIfAbsent(member.getKey(), key -> new ArrayList<>()).add(member.getValue());
                    }
                }
            }
        }
        for (Map.Entry<String, List<JsonNode>> member : members.entrySet()) {
            String memberPath = child(path, member.getKey());
            if (!actual.has(member.getKey())) {
                if (!optional.contains(memberPath)) {
                    problems.add(memberPath + ": documented, missing from the answer");
                }
                continue;
            }
            compare(memberPath, member.getValue(), actual.get(member.getKey()), problems);
        }
        if (exact.contains(path) || exact.contains(path.replaceAll("\\[\\d+]", "[]"))) {
            for (String name : actual.propertyNames()) {
                if (!members.containsKey(name)) {
                    problems.add(child(path, name) + ": not documented, yet answered (" + actual.get(name) + ")");
                }
            }
        }
    }

    /** The one kind the non-null examples agree on; ANY when all are null; null (and a problem) when the documentation contradicts itself. */
    private static Kind merged(String path, List<JsonNode> documented, List<String> problems) {
        Set<Kind> kinds = new LinkedHashSet<>();
        documented.stream().filter(Predicate.not(JsonNode::isNull)).map(DocumentedShape::kindOf).forEach(kinds::add);
        if (kinds.isEmpty()) {
            return Kind.ANY;
        }
        if (kinds.size() == 2 && kinds.contains(Kind.INTEGER) && kinds.contains(Kind.NUMBER)) {
            return Kind.NUMBER;
        }
        if (kinds.size() > 1 && kinds.stream().allMatch(kind -> kind.compareTo(Kind.LOCAL_DATE_TIME) <= 0)) {
            return Kind.STRING;
        }
        if (kinds.size() > 1) {
            problems.add(path + ": the documented examples disagree (" + kinds + "); fix the example files");
            return null;
        }
        return kinds.iterator().next();
    }

    private static boolean fits(Kind kind, JsonNode actual) {
        return switch (kind) {
            case STRING -> actual.isString();
            case DATE_TIME -> actual.isString() && parses(() -> OffsetDateTime.parse(actual.asString()));
            case DATE -> actual.isString() && parses(() -> LocalDate.parse(actual.asString()));
            case LOCAL_DATE_TIME -> actual.isString() && parses(() -> LocalDateTime.parse(actual.asString(), SPACED));
            case INTEGER -> actual.isIntegralNumber();
            case NUMBER -> actual.isNumber();
            case BOOLEAN -> actual.isBoolean();
            case OBJECT -> actual.isObject();
            case ARRAY -> actual.isArray();
            case ANY -> true;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case DATE_TIME -> "a date-time string with an offset";
            case DATE -> "a date string (YYYY-MM-DD)";
            case LOCAL_DATE_TIME -> "a date-time string (YYYY-MM-DD HH:MM:SS)";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case ANY -> "anything";
        };
    }

    private static String firstValue(List<JsonNode> documented) {
        return documented.stream().filter(Predicate.not(JsonNode::isNull)).findFirst().map(JsonNode::toString).orElse("null");
    }

    private static String child(String path, String name) {
        return "$".equals(path) ? name : path + "." + name;
    }
}
