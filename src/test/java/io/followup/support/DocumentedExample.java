package io.followup.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example copied from a documentation page into {@code src/test/resources} (e.g.
 * {@code getbill/followups/get-followup.response.json}): a JSON object whose top-level {@code "_source"} is
 * the page's URL, and whose other members are the documented body, with only IDs and times replaced by
 * placeholders such as {@code "{{debt_id}}"} that the test fills in with {@link #filled(Map)}. Members whose
 * name starts with {@code _} are notes, never part of the body.
 */
public record DocumentedExample(String resource, String source, JsonNode body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads the example at this class-path location; fails when it names no source page. */
    public static DocumentedExample load(String resource) {
        try (InputStream in = DocumentedExample.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("example resource " + resource).isNotNull();
            JsonNode whole = JSON.readTree(in);
            assertThat(whole.isObject()).as(resource + " is a JSON object").isTrue();
            String source = whole.path("_source").asString("");
            assertThat(source).as(resource + ": _source names the documentation page").startsWith("https://");
            ObjectNode body = ((ObjectNode) whole).deepCopy();
            whole.propertyNames().stream().filter(name -> name.startsWith("_")).forEach(body::remove);
            return new DocumentedExample(resource, source, body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The body with every {@code "{{name}}"} string replaced by {@code values.get(name)}; fails on a placeholder left unfilled. */
    public JsonNode filled(Map<String, String> values) {
        String text = JSON.writeValueAsString(body);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        assertThat(text).as(resource + ": every placeholder filled").doesNotContain("{{");
        return JSON.readTree(text);
    }

    /** The documented shape of this example's body, for checking an answer ({@link DocumentedShape}). */
    public DocumentedShape shape() {
        return DocumentedShape.of(body);
    }

        /** The filled body as JSON text, ready to send. */
    public String filledText(Map<String, String> values) {
        return JSON.writeValueAsString(filled(values));
    }

    @Override
    public String toString() {
        return resource + " (" + source + ")";
    }
}
