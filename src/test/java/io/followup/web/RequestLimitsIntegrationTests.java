package io.followup.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size limits of both surfaces: request bodies over 64 KB are 413 whether their length is declared
 * or they come chunked (also with an Idempotency-Key, which reads the body first), and list pages are capped.
 */
class RequestLimitsIntegrationTests extends IntegrationTest {

    private static final int OVER_LIMIT = 64 * 1024 + 1;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void aDeclaredBodyJustOverTheLimitIs413OnBothSurfaces() {
        String body = "{\"a\": \"" + "x".repeat(OVER_LIMIT) + "\"}";

        ApiResponse backend = api.request("POST", "/backend/followup/events").token(tokens.backend(UUID.randomUUID())).json(body).send();
        ApiResponse external = api.request("POST", "/external-api/v1/debts").token(tokens.external(company())).json(body).send();

        assertBackend413(backend.status(), backend.contentType(), backend.json());
        assertExternal413(external.status(), external.contentType(), external.json());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413OnBothSurfaces() throws Exception {
        HttpResponse<String> backend = chunked("/backend/followup/configs", tokens.backend(UUID.randomUUID()), null);
        HttpResponse<String> external = chunked("/external-api/v1/followups", tokens.external(company()), null);

        assertBackend413(backend.statusCode(), backend.headers().firstValue("Content-Type").orElse(null), JSON.readTree(backend.body()));
        assertExternal413(external.statusCode(), external.headers().firstValue("Content-Type").orElse(null), JSON.readTree(external.body()));
    }

    @Test
    void aChunkedBodyOverTheLimitWithAnIdempotencyKeyIs413AndClaimsNoKey() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> response = chunked("/external-api/v1/followups", tokens.external(company()), key);

        assertExternal413(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), JSON.readTree(response.body()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Integer.class, key)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/external-api/v1/followups?limit=101, limit",
            "/external-api/v1/debts?limit=101, limit",
            "/external-api/v1/followups/debt/any?limit=101, limit",
            "/backend/followup/configs/tenant/{tenant}?size=101, size",
            "/backend/followup/enrollments?size=101, size"})
    void pagesAreCappedAt100(String path, String field) {
        UUID tenant = UUID.randomUUID();
        boolean external = path.startsWith("/external-api");
        String token = external ? tokens.external(company()) : tokens.backend(tenant);

        ApiResponse response = api.request("GET", path.replace("{tenant}", tenant.toString())).token(token).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode errors = external ? response.json().get("details") : response.json().get("errors");
        assertThat(errors.get(field).asString()).contains("between 1 and 100");
        ApiResponse atTheCap = api.request("GET", path.replace("101", "100").replace("{tenant}", tenant.toString())
                .replace("/debt/any", "")).token(token).send();
        assertThat(atTheCap.status()).as(atTheCap.toString()).isEqualTo(200);
    }

    private HttpResponse<String> chunked(String path, String token, String idempotencyKey) throws Exception {
        byte[] body = ("{\"notes\": \"" + "n".repeat(OVER_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // a stream of unknown length goes chunked, with no Content-Length to refuse up front
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBackend413(int status, String contentType, JsonNode body) {
        assertThat(status).isEqualTo(413);
        assertThat(contentType).isEqualTo("application/problem+json");
        assertThat(body.get("errors").has("body")).isTrue();
    }

    private static void assertExternal413(int status, String contentType, JsonNode body) {
        assertThat(status).isEqualTo(413);
        assertThat(contentType).startsWith("application/json");
        assertThat(body.get("error").asBoolean()).isTrue();
        assertThat(body.get("code").asInt()).isEqualTo(413);
        assertThat(body.get("details").get("body").asString()).isEqualTo("Request body is too large");
    }

    private static String company() {
        return "limits-" + UUID.randomUUID();
    }
}
