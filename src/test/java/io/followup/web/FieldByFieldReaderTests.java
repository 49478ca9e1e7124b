package io.followup.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldByFieldReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Step(String interval, String prompt) {
    }

    record Body(UUID id, List<UUID> ids, List<Step> steps, Boolean active) {
    }

    @Test
    void aReadableBodyHasNoProblemsAndIsNotCopied() {
        ObjectNode tree = tree("{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"active\":true}");

        FieldByFieldReader.Result<Body> result = read(tree);

        assertThat(result.problems()).isNull();
        assertThat(result.value().active()).isTrue();
    }

    @Test
    void eachUnreadableFieldIsRecordedAndTheRestIsRead() {
        ObjectNode tree = tree("""
                {"id":"nope","active":true,"steps":[{"interval":"PT1H","tone":"warm"},{"interval":{"a":1},"prompt":"Hi"}],"x":{"y":[1]}}""");

        FieldByFieldReader.Result<Body> result = read(tree);

        assertThat(result.problems().problems()).containsOnlyKeys("id", "steps[0].tone", "steps[1].interval", "x");
        assertThat(result.problems().removed()).containsExactlyInAnyOrder("id", "steps[0].tone", "steps[1].interval", "x");
        assertThat(result.value().active()).isTrue();
        assertThat(result.value().steps()).containsExactly(new Step("PT1H", null), new Step(null, "Hi"));
        assertThat(tree.toString()).as("the caller's tree is left as it was").contains("\"tone\"", "\"nope\"");
    }

    @Test
    void aBadListElementTakesItsListAlongSoNoIndexShifts() {
        FieldByFieldReader.Result<Body> result = read(tree("{\"ids\":[\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"nope\"],\"active\":false}"));

        assertThat(result.problems().problems()).containsOnlyKeys("ids[1]");
        assertThat(result.problems().removed()).containsExactly("ids");
        assertThat(result.value().ids()).isNull();
        assertThat(result.problems().mergedWith(Map.of("ids", "ids is required", "active", "must be true")))
                .containsOnlyKeys("ids[1]", "active");
    }

    @Test
    void aProblemOfNoFieldIsThrownAsReadingInOneGoWould() {
        assertThatThrownBy(() -> FieldByFieldReader.read(JSON, tree("{\"steps\":{}}"), JSON.constructType(List.class)))
                .isInstanceOf(JacksonException.class);
    }

    private static FieldByFieldReader.Result<Body> read(ObjectNode tree) {
        return FieldByFieldReader.read(JSON, tree, JSON.constructType(Body.class));
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
