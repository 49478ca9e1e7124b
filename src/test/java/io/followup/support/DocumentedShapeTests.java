package io.followup.support;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "same shape" check itself: what it lets through and what it names. */
class DocumentedShapeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DOC = """
            {"error": false, "data": {"id": "abc123", "count": 3, "amount": 1250.00, "opened": true,
             "at": "2024-01-20T15:30:00+00:00", "day": "2023-12-01", "seen": "2024-01-15 10:30:00",
             "first": null, "tags": [], "meta": {"crm": "X"}, "items": [{"n": 1, "s": null}, {"n": 2, "s": "x"}]}}""";

    @Test
    void answerOfTheDocumentedShapePasses() {
        JsonNode answer = json("""
                {"error": false, "extra": 1, "data": {"id": "Zz9", "count": 0, "amount": 7, "opened": false,
                 "at": "2026-12-02T06:00:00Z", "day": "2026-12-02", "seen": "2026-12-02 06:00:00",
                 "first": {"any": "thing"}, "tags": ["a"], "meta": {"crm": "Y", "more": true},
                 "items": [{"n": 5, "s": null}, {"n": 6, "s": "y"}, {"n": 7, "s": "z", "new": 1}]}}""");
        assertThat(DocumentedShape.of(json(DOC)).mismatches(answer)).isEmpty();
    }

    @Test
    void namesEveryDifferenceWithItsPath() {
        JsonNode answer = json("""
                {"error": "false", "data": {"id": null, "count": 3.0, "amount": "1250.00", "opened": 1,
                 "at": "yesterday", "day": "2023-12-01T00:00:00Z", "seen": "2024-01-15T10:30:00",
                 "tags": {}, "meta": [], "items": [{"n": 1, "s": 5}, {"s": "x"}]}}""");
        assertThat(DocumentedShape.of(json(DOC)).mismatches(answer)).containsExactlyInAnyOrder(
                "error: documented as a boolean (e.g. false), answered \"false\"",
                "data.id: documented as a string, answered null",
                "data.count: documented as an integer (e.g. 3), answered 3.0",
                "data.amount: documented as a number (e.g. 1250.0), answered \"1250.00\"",
                "data.opened: documented as a boolean (e.g. true), answered 1",
                "data.at: documented as a date-time string with an offset (e.g. \"2024-01-20T15:30:00+00:00\"), answered \"yesterday\"",
                "data.day: documented as a date string (YYYY-MM-DD) (e.g. \"2023-12-01\"), answered \"2023-12-01T00:00:00Z\"",
                "data.seen: documented as a date-time string (YYYY-MM-DD HH:MM:SS) (e.g. \"2024-01-15 10:30:00\"), answered \"2024-01-15T10:30:00\"",
                "data.first: documented, missing from the answer",
                "data.tags: documented as an array (e.g. []), answered {}",
                "data.meta: documented as an object (e.g. {\"crm\":\"X\"}), answered []",
                "data.items[0].s: documented as a string (e.g. \"x\"), answered 5",
                "data.items[1].n: documented, missing from the answer");
    }

    @Test
    void mergesExamplesAndTakesDeviationsOnlyWhereAsked() {
        JsonNode call = json("{\"id\": \"a\", \"at\": null, \"media\": \"2024-01-22T11:35:00+00:00\"}");
        JsonNode email = json("{\"id\": \"b\", \"at\": \"2024-01-20T15:30:00+00:00\"}");
        JsonNode answer = json("{\"id\": \"c\", \"at\": null}");
        assertThat(DocumentedShape.of(call, email).mismatches(answer)).containsExactly("media: documented, missing from the answer");
        assertThat(DocumentedShape.of(call, email).optional("media").mismatches(answer)).isEmpty();
        assertThat(DocumentedShape.of(email).mismatches(answer)).containsExactly("at: documented as a date-time string with an offset, answered null");
        assertThat(DocumentedShape.of(email).nullable("at").mismatches(answer)).isEmpty();
    }

    @Test
    void exactlyRefusesUndocumentedMembers() {
        JsonNode doc = json("{\"data\": {\"id\": \"a\"}, \"list\": [{\"id\": \"a\"}]}");
        JsonNode answer = json("{\"data\": {\"id\": \"b\", \"email_opened\": false}, \"list\": [{\"id\": \"b\", \"x\": 1}], \"more\": 1}");
        assertThat(DocumentedShape.of(doc).exactly("data").exactly("list[]").mismatches(answer)).containsExactlyInAnyOrder(
                "data.email_opened: not documented, yet answered (false)",
                "list[0].x: not documented, yet answered (1)");
        assertThat(DocumentedShape.of(doc).exactly("$").mismatches(answer)).containsExactly("more: not documented, yet answered (1)");
    }

    @Test
    void nonEmptyRefusesAnEmptyArrayWhereAsked() {
        JsonNode doc = json("{\"data\": [{\"id\": \"a\"}], \"meta\": {\"tags\": [\"x\"]}}");
        JsonNode empty = json("{\"data\": [], \"meta\": {\"tags\": []}}");
        assertThat(DocumentedShape.of(doc).mismatches(empty)).isEmpty();
        assertThat(DocumentedShape.of(doc).nonEmpty("data").nonEmpty("meta.tags").mismatches(empty)).containsExactlyInAnyOrder(
                "data: documented with elements, answered [] (nothing to compare them with)",
                "meta.tags: documented with elements, answered [] (nothing to compare them with)");
        assertThat(DocumentedShape.of(doc).nonEmpty("data").mismatches(json("{\"data\": [{\"id\": \"b\"}], \"meta\": {\"tags\": []}}")))
                .isEmpty();
        assertThat(DocumentedShape.of(doc).nonEmpty("data").mismatches(json("{\"data\": [{}], \"meta\": {\"tags\": []}}")))
                .containsExactly("data[0].id: documented, missing from the answer");
    }

    @Test
    void documentationThatContradictsItselfIsReported() {
        JsonNode one = json("{\"n\": 1}");
        JsonNode other = json("{\"n\": \"1\"}");
        assertThat(DocumentedShape.of(one, other).mismatches(json("{\"n\": 1}")))
                .containsExactly("n: the documented examples disagree ([INTEGER, STRING]); fix the example files");
    }

    @Test
    void assertMatchesFailsWithTheList() {
        assertThatThrownBy(() -> DocumentedShape.of(json("{\"a\": true}")).assertMatches(json("{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a: documented, missing from the answer");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
