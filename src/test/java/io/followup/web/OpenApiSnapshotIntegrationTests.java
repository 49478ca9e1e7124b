package io.followup.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is the committed snapshot, so the linters and the generated client of the
 * build judge exactly what clients get. After a deliberate API change, refresh the snapshot with
 * {@code ./mvnw verify -Dopenapi.update=true} (or only this test: {@code -Dit.test=OpenApiSnapshotIntegrationTests})
 * and commit it.
 */
class OpenApiSnapshotIntegrationTests extends IntegrationTest {

    static final Path SNAPSHOT = Path.of("src/main/openapi/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void servedDocumentIsTheCommittedSnapshot() throws IOException {
        ApiResponse docs = api.request("GET", "/v3/api-docs").send();
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode served = docs.json();

        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, normalized(served) + "\n");
        }

        assertThat(Files.exists(SNAPSHOT)).as("%s is missing; write it with ./mvnw verify -Dopenapi.update=true", SNAPSHOT).isTrue();
        JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT));
        assertThat(normalized(served))
                .as("The served /v3/api-docs differs from %s. If the API change is meant, refresh the snapshot with "
                        + "./mvnw verify -Dopenapi.update=true and commit it", SNAPSHOT)
                .isEqualTo(normalized(committed));
    }

    /** What a generator and a contract tester rely on, checked on the served document itself. */
    @Test
    void everyOperationHasAnIdItsRealSuccessStatusAndItsSurfacesErrorBody() {
        JsonNode paths = api.request("GET", "/v3/api-docs").send().json().get("paths");

        assertThat(paths.has("/error")).as("the container's error page is no API").isFalse();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String where = method.getKey() + " " + path.getKey();
            JsonNode operation = method.getValue();
            assertThat(operation.path("operationId").asString()).as(where).matches("[a-z]+[A-Z][A-Za-z]+");
            assertThat(operation.path("security").isEmpty()).as(where + " security").isFalse();
            JsonNode responses = operation.get("responses");
            boolean external = path.getKey().startsWith("/external-api/");
            // The authorization server's endpoints answer as RFC 6749 and RFC 8414 say (io.followup.oauth).
            boolean oauth = path.getKey().endsWith("/token") || path.getKey().startsWith("/.well-known/");
            // A batch answers one result for many rows (200, no Location); an external delete answers GetBill's body (200);
            // a secret rotation answers the new secret (200); a token request its token (200); a redelivery or a test event
            // the delivery it scheduled (200).
            boolean create = method.getKey().equals("post") && !path.getKey().endsWith("/events") && !path.getKey().endsWith("/batch")
                    && !path.getKey().endsWith("/secret") && !path.getKey().endsWith("/redeliver") && !path.getKey().endsWith("/test")
                    && !oauth;
            boolean emptyDelete = method.getKey().equals("delete") && !external;
            if (create) {
                assertThat(responses.has("201")).as(where).isTrue();
                assertThat(responses.at("/201/headers").has("Location")).as(where).isTrue();
            }
            if (emptyDelete) {
                assertThat(responses.has("204")).as(where).isTrue();
            }
            assertThat(responses.has("200") && (create || emptyDelete)).as(where + " documents 200").isFalse();
            String mediaType = external || oauth ? "application/json" : "application/problem+json";
            String schema = "#/components/schemas/" + (oauth ? "OAuthError" : external ? "ExternalError" : "Problem");
            responses.properties().stream().filter(response -> response.getKey().charAt(0) >= '4').forEach(response ->
                    assertThat(response.getValue().at("/content/" + mediaType.replace("/", "~1") + "/schema/$ref").asString())
                            .as(where + " " + response.getKey())
                            // GetBill's 429 has numbers in its details (https://docs.getbill.io/rate-limits): a schema of its own.
                            .isEqualTo(external && response.getKey().equals("429") ? "#/components/schemas/RateLimitError" : schema));
            if (external) {
                assertThat(responses.has("429")).as(where + " documents 429").isTrue();
                assertThat(responses.at("/429/content/application~1json/example/details/retry_after").isIntegralNumber())
                        .as(where + " 429 example").isTrue();
                assertThat(responses.at("/401/content/application~1json/example").has("details")).as(where + " 401 example").isFalse();
            }
        }));
    }

    /** Keys sorted at every level, so the comparison and the committed file do not depend on map order. */
    private static String normalized(JsonNode document) {
        Object tree = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(tree);
    }
}
