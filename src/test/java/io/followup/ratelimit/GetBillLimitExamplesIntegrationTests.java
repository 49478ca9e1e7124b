package io.followup.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.DocumentedShape;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Written only from GetBill's documented examples for errors and rate limits (src/test/resources/getbill/errors, each
 * naming its page): what a GetBill client reads in them, it reads here. Bodies GetBill gives in full for a case we can
 * reproduce (401, 403, the seed's 400) must be equal; the 429, whose values depend on time, must have every documented
 * field with the documented type; the rate-limit headers must be on every answer, as integers with GetBill's meaning.
 */
class GetBillLimitExamplesIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEBTS = "/external-api/v1/debts";
    private static final String FOLLOWUPS = "/external-api/v1/followups";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no token", "not a JWT", "expired", "signed by someone else"})
    void every401IsTheDocumentedBodyExactly(String token) {
        JsonNode documented = documented("401-credentials.json");
        ApiClient.Request request = api.request("GET", DEBTS + "/abc123def456");
        String company = "examples-" + UUID.randomUUID();
        Map<String, Object> claims = Map.of("company_id", company, "scope", TestTokens.EXTERNAL_SCOPES);
        switch (token) {
            case "not a JWT" -> request.token("xxx.yyy.zzz");
            case "expired" -> request.token(tokens.sign(claims, Duration.ofMinutes(-5)));
            case "signed by someone else" -> request.token(TestTokens.forged(claims));
            default -> { }
        }

        ApiResponse response = request.send();

        assertThat(response.status()).isEqualTo(documented.get("status").asInt());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).as(response.body()).isEqualTo(documented.get("body"));
    }

    @Test
    void aMissingScopeIsTheDocumented403Exactly() {
        JsonNode documented = documented("403-scope.json");
        String readOnly = tokens.sign(Map.of("company_id", "examples-" + UUID.randomUUID(), "scope", "debts:read"),
                Duration.ofHours(1));

        ApiResponse response = api.request("POST", DEBTS).token(readOnly).json("{}").send();

        assertThat(response.status()).isEqualTo(documented.get("status").asInt());
        assertThat(response.json()).as(response.body()).isEqualTo(documented.get("body"));
    }

    @Test
    void theDocumentedValidationErrorIsAnsweredExactly() {
        JsonNode documented = documented("400-validation.json");

        ApiResponse response = api.request("POST", FOLLOWUPS).token(tokens.external("examples-" + UUID.randomUUID()))
                .json("{\"type\": \"phone\"}").send();

        assertThat(response.status()).isEqualTo(documented.get("status").asInt());
        assertThat(response.json()).as(response.body()).isEqualTo(documented.get("body"));
    }

    @Test
    void overTheLimitTheAnswerHasEveryDocumentedFieldWithItsType() {
        JsonNode documented = documented("429-rate-limit.json");
        String token = tokens.sign(Map.of("company_id", "examples-" + UUID.randomUUID(), "client_id", LIMITED_CLIENT,
                "scope", TestTokens.EXTERNAL_SCOPES), Duration.ofHours(1));
        for (int i = 0; i < LIMITED_CLIENT_REQUESTS; i++) {
            assertThat(api.request("GET", FOLLOWUPS).token(token).send().status()).isEqualTo(200);
        }

        ApiResponse response = api.request("GET", FOLLOWUPS).token(token).send();

        assertThat(response.status()).isEqualTo(documented.get("status").asInt());
        JsonNode body = response.json();
        // Every documented field with its type, all the way down; none documented null, so none may be answered null.
        DocumentedShape.of(documented.get("body")).assertMatches(body);
        assertThat(body.get("message")).isEqualTo(documented.at("/body/message"));
        assertThat(body.get("code")).isEqualTo(documented.at("/body/code"));
        // "ISO 8601 timestamp", written as the example writes it: UTC, whole seconds, Z.
        assertThat(body.at("/details/reset_time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(body.at("/details/reset_time").asString())).isAfter(clock.instant());
        assertThat(body.at("/details/limit").asLong()).as("the limit that was exceeded").isEqualTo(LIMITED_CLIENT_REQUESTS);
        assertThat(body.at("/details/retry_after").asLong()).as("seconds to wait").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET 200", "GET 404", "POST 400"})
    void everyAnswerCarriesTheDocumentedHeadersAsIntegers(String call) {
        JsonNode documented = documented("rate-limit-headers.json").get("headers");
        String token = tokens.external("examples-" + UUID.randomUUID());
        ApiResponse response = switch (call) {
            case "GET 404" -> api.request("GET", FOLLOWUPS + "/abc123def456").token(token).send();
            case "POST 400" -> api.request("POST", FOLLOWUPS).token(token).json("{}").send();
            default -> api.request("GET", FOLLOWUPS).token(token).send();
        };

        assertThat(response.status()).isEqualTo(Integer.parseInt(call.substring(call.indexOf(' ') + 1)));
        documented.propertyNames().forEach(name ->
                assertThat(response.header(name)).as(call + ": " + name).isNotNull().matches("\\d+"));
        long limit = Long.parseLong(response.header("X-RateLimit-Limit"));
        long remaining = Long.parseLong(response.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
        long window = Long.parseLong(response.header("X-RateLimit-Window"));
        assertThat(remaining).isLessThan(limit);
        // "Unix timestamp when the rate limit window resets": no later than one window from now.
        long now = clock.instant().getEpochSecond();
        assertThat(reset).isBetween(now, now + window);
        assertThat(window).as("an hour, as GetBill's").isEqualTo(documented.get("X-RateLimit-Window").asLong());
    }

    private static JsonNode documented(String name) {
        try (InputStream in = new ClassPathResource("getbill/errors/" + name).getInputStream()) {
            JsonNode example = JSON.readTree(in);
            assertThat(example.get("page").asString()).as(name + " names its page").startsWith("https://docs.getbill.io/");
            return example;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
