package io.followup.support;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * jqwik generators of hostile request bodies: a valid example body changed by a few edits (fields
 * dropped, values replaced by wrong types, huge, empty, unicode or NUL strings, out-of-range numbers,
 * deep nesting, unknown fields), then perhaps broken as text (truncated, repeated keys, trailing
 * garbage, invalid UTF-8...) and sent with a content type and an Accept header that may be wrong.
 * Everything generated is a plain value, so jqwik can shrink a failing case to a small one.
 */
public final class HostileJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@RAW%d@@";

    /** Texts put into the body as they are, where a JSON value goes: things no JsonNode can hold. */
    static final List<String> RAW_VALUES = List.of(
            "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":".repeat(1500) + "1" + "}".repeat(1500),
            "[".repeat(200) + "]".repeat(200),
            "1e400", "-1e400", "1e-400", "9".repeat(1200), "1" + "0".repeat(400) + ".5",
            "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "-", "1e", "'single quoted'",
            "undefined", "True", "nul", "\"unterminated", "\"raw\u0001control\"", "\"tab\tinside\"",
            "\"bad escape \\x41\"", "\"bad unicode escape \\u12\"", "\"lone surrogate \\ud800\"",
            "\"escaped NUL \\u0000\"");

    private HostileJson() {
    }

    /** What an edit does at its target. */
    public enum EditKind { DROP, REPLACE, WRAP_IN_ARRAY, ADD_UNKNOWN_FIELD }

    /** One change of the body; {@code target} picks one of the body's values (modulo their number). */
    public record Edit(EditKind kind, int target, JsonNode value) {
    }

    /** What is done to the body's text after the edits. */
    public enum Break { NONE, TRUNCATE, DUPLICATE_KEY, TRAILING_GARBAGE, LEADING_BOM, COMMENT, SINGLE_QUOTES,
        GARBAGE, EMPTY, INVALID_UTF8, RAW_CONTROL_CHARACTER, WRAP_IN_ARRAY }

    /** One generated request: edits, a text break, a content type (null: none) and an Accept header (null: none). */
    public record Fuzz(List<Edit> edits, Break textBreak, int breakAt, String garbage, String contentType, String accept) {

        /** The body these changes make of {@code valid}, as the bytes to send. */
        public byte[] render(JsonNode valid) {
            JsonNode body = valid.deepCopy();
            List<String> raws = new ArrayList<>();
            for (Edit edit : edits) {
                body = apply(body, edit, raws);
            }
            String text = JSON.writeValueAsString(body);
            for (int i = 0; i < raws.size(); i++) {
                text = text.replace("\"" + RAW.formatted(i) + "\"", raws.get(i));
            }
            return breakText(text);
        }

        private byte[] breakText(String text) {
            int at = text.isEmpty() ? 0 : Math.floorMod(breakAt, text.length());
            String broken = switch (textBreak) {
                case NONE, INVALID_UTF8 -> text;
                case TRUNCATE -> text.substring(0, at);
                case DUPLICATE_KEY -> duplicateFirstKey(text);
                case TRAILING_GARBAGE -> text + garbage;
                case LEADING_BOM -> "\uFEFF" + text;
                case COMMENT -> "/* " + garbage + " */" + text;
                case SINGLE_QUOTES -> text.replace('"', '\'');
                case GARBAGE -> garbage;
                case EMPTY -> "";
                case RAW_CONTROL_CHARACTER -> text.substring(0, at) + (char) (Math.floorMod(breakAt, 32)) + text.substring(at);
                case WRAP_IN_ARRAY -> "[" + text + "]";
            };
            byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
            if (textBreak != Break.INVALID_UTF8) {
                return bytes;
            }
            int cut = bytes.length == 0 ? 0 : Math.floorMod(breakAt, bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, cut);
            out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            out.write(bytes, cut, bytes.length - cut);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Fuzz[edits=" + edits.stream().map(e -> e.kind() + "@" + e.target() + "=" + abbreviate(String.valueOf(e.value()))).toList()
                    + ", break=" + textBreak + "@" + breakAt + (garbage.isEmpty() ? "" : " '" + abbreviate(garbage) + "'")
                    + ", contentType=" + contentType + ", accept=" + accept + "]";
        }
    }

    /** Requests that mostly stay near the valid body: few edits, mostly intact JSON, mostly the right content type. */
    public static Arbitrary<Fuzz> fuzz() {
        Arbitrary<List<Edit>> edits = edit().list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Break> breaks = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(14, Arbitraries.just(Break.NONE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Break.class)));
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("application/json; charset=utf-8", "application/json;charset=UTF-16",
                        "application/json; charset=ISO-8859-1", "application/json; charset=no-such-charset",
                        "application/json; charset=\"\"", "APPLICATION/JSON", "application/json; q=x; =;",
                        "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=xyz", "multipart/mixed; boundary=b",
                        "application/merge-patch+json", "application/octet-stream", "*/*", "application/*", "json", "",
                        ";;;", "application/json, text/plain")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> accepts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("application/json", "*/*", "application/xml", "text/html",
                        "application/problem+json", "text/plain;q=0.5, application/json;q=0.1", "garbage/",
                        "application/json; charset=no-such-charset")));
        return Combinators.combine(edits, breaks, Arbitraries.integers().between(0, 100_000), garbage(), contentTypes, accepts)
                .as(Fuzz::new);
    }

    private static Arbitrary<Edit> edit() {
        return Combinators.combine(Arbitraries.of(EditKind.class), Arbitraries.integers().between(0, 1_000), value())
                .as(Edit::new);
    }

    /** Values to put where the body had another. */
    public static Arbitrary<JsonNode> value() {
        return Arbitraries.oneOf(
                hostileString().map(NODES::stringNode),
                number(),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(), NODES.arrayNode(),
                        NODES.objectNode(), NODES.arrayNode().addNull(), NODES.objectNode().put("", "")),
                Arbitraries.integers().between(0, RAW_VALUES.size() - 1).map(i -> (JsonNode) NODES.stringNode("@@RAWVALUE" + i + "@@")),
                nested());
    }

    private static Arbitrary<String> hostileString() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t\n", "null", "true", "0", "-1", "NaN", "\u0000", "a\u0000b", "\u0001\u001f\u007f",
                        "Olá, João — ção", "😀👍🏽🇧🇷", "\u202Egnp.exe", "e\u0301\u0301\u0301", "𝕏𝔂𝔃", "\uFEFFbom",
                        "\ud800", "\udfff lone low surrogate", "'; drop table debt; --", "%00%ff", "${jndi:ldap://127.0.0.1/x}",
                        "<script>alert(1)</script>", "../../../etc/passwd", "99999999999999999999999999",
                        "3fa85f64-5717-4562-b3fc-2c963f66afa6", "00000000-0000-0000-0000-000000000000",
                        "3FA85F64-5717-4562-B3FC-2C963F66AFA6", "3fa85f6457174562b3fc2c963f66afa6",
                        "2024-01-25T10:00:00Z", "2024-01-25T10:00:00+00:00", "2024-02-30T10:00:00Z",
                        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                        "2024-01-25", "+10000-01-01", "PT30M", "P1D", "PT0S", "P999999999D", "PT9999999999999999H",
                        "P1Y", "PT-30M", "P1DT12H", "call", "sent", "scheduled", "outbound", "BRL", "usd", "XXX",
                        "lead.status_changed", "lead.message_received", "pt_BR", "gupshup_app_12345",
                        "https://example.com/a.mp3", "javascript:alert(1)", "+5511999998888", "user@example.com"),
                Arbitraries.of(1_000, 4_001, 20_000, 70_000).map("x"::repeat),
                Arbitraries.of(200, 10_000).map("é😀"::repeat),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    private static Arbitrary<JsonNode> number() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, -1L, 1L, 29L, 1_800L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
                        (long) Integer.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.of(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"),
                        BigInteger.TEN.pow(40)).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1.5"), new BigDecimal("-0.0"), new BigDecimal("1E+308"), new BigDecimal("1E+999999999"),
                        new BigDecimal("1E-999999999"), new BigDecimal("0.001"), new BigDecimal("10.505"),
                        new BigDecimal("99999999999999999.99"), new BigDecimal("100000000000000000.00")).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode));
    }

    private static Arbitrary<JsonNode> nested() {
        return Arbitraries.integers().between(1, 60).map(depth -> {
            JsonNode node = NODES.stringNode("deep");
            for (int i = 0; i < depth; i++) {
                node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("k", node);
            }
            return node;
        });
    }

    private static Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "}", ",", "]", "{}", "xyz", "\u0000", "null", "<?xml version=\"1.0\"?><a/>",
                        "debt_id=abc&type=call", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--"),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    // ------------------------------------------------------------------ applying edits

    private record Slot(JsonNode container, String field, int index) {
    }

    private static JsonNode apply(JsonNode body, Edit edit, List<String> raws) {
        // a copy: generated values may be shared between tries, and later edits may change this one
        JsonNode value = raw(edit.value().deepCopy(), raws);
        List<Slot> slots = new ArrayList<>();
        collect(body, slots);
        if (slots.isEmpty()) {
            return edit.kind() == EditKind.REPLACE ? value : body;
        }
        Slot slot = slots.get(Math.floorMod(edit.target(), slots.size()));
        JsonNode current = slot.field() != null ? slot.container().get(slot.field()) : slot.container().get(slot.index());
        switch (edit.kind()) {
            case DROP -> {
                if (slot.container() instanceof ObjectNode object) {
                    object.remove(slot.field());
                }
                else {
                    ((ArrayNode) slot.container()).remove(slot.index());
                }
            }
            case REPLACE -> set(slot, value);
            case WRAP_IN_ARRAY -> set(slot, NODES.arrayNode().add(current));
            case ADD_UNKNOWN_FIELD -> {
                ObjectNode target = current instanceof ObjectNode object ? object
                        : slot.container() instanceof ObjectNode parent ? parent : null;
                if (target != null) {
                    target.set("unknown_" + Math.floorMod(edit.target(), 7), value);
                }
            }
        }
        return body;
    }

    private static JsonNode raw(JsonNode value, List<String> raws) {
        if (value.isString() && value.asString().startsWith("@@RAWVALUE")) {
            int index = Integer.parseInt(value.asString().replaceAll("\\D", ""));
            raws.add(RAW_VALUES.get(index));
            return NODES.stringNode(RAW.formatted(raws.size() - 1));
        }
        return value;
    }

    private static void set(Slot slot, JsonNode value) {
        if (slot.container() instanceof ObjectNode object) {
            object.set(slot.field(), value);
        }
        else {
            ((ArrayNode) slot.container()).set(slot.index(), value);
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static String duplicateFirstKey(String text) {
        int open = text.indexOf('{');
        int colon = text.indexOf("\":", open);
        int comma = text.indexOf(',', colon);
        if (open < 0 || colon < 0 || comma < 0) {
            return text + text;
        }
        return text.substring(0, open + 1) + text.substring(open + 1, comma + 1) + text.substring(open + 1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...(" + text.length() + " chars)";
    }
}
