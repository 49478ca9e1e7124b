package io.followup.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limits over HTTP, kept in PostgreSQL. {@link #LIMITED_CLIENT} has small budgets in the test
 * context ({@value #LIMITED_CLIENT_REQUESTS} reads and as many writes an hour); every other client has the tests' large
 * ones. Every test uses companies of its own, so no two tests share a bucket.
 */
class RateLimitIntegrationTests extends IntegrationTest {

    private static final String FOLLOWUPS = "/external-api/v1/followups";

    @Test
    void everyExternalAnswerTellsTheClientWhereItStands() {
        String token = tokens.external(company());

        ApiResponse first = api.request("GET", FOLLOWUPS).token(token).send();
        ApiResponse second = api.request("GET", FOLLOWUPS + "/not-an-id").token(token).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(TEST_READS));
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(TEST_READS - 1));
        // (a budget this large refills 277 requests a second, so the second answer may be back at the top)
        // GetBill's meaning: the Unix time at which the allowance is whole again, and the counting period (an hour).
        long now = clock.instant().getEpochSecond();
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isBetween(now, now + 5);
        assertThat(first.header("X-RateLimit-Window")).isEqualTo("3600");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(TEST_READS));
        assertThat(Long.parseLong(second.header("X-RateLimit-Remaining"))).isBetween(TEST_READS - 2, TEST_READS - 1);
    }

    @Test
    void writesCountAgainstTheWriteBudgetAndReadsAgainstTheReadBudget() {
        String token = limitedClientToken(company());

        ApiResponse write = api.request("POST", FOLLOWUPS).token(token).json("{}").send();
        ApiResponse read = api.request("GET", FOLLOWUPS).token(token).send();
        ApiResponse secondWrite = api.request("PATCH", FOLLOWUPS + "/not-an-id").token(token).json("{}").send();
        ApiResponse unlimited = api.request("POST", FOLLOWUPS).token(tokens.external(company())).json("{}").send();

        assertThat(write.status()).as(write.toString()).isEqualTo(400);
        assertThat(write.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS));
        assertThat(write.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 1));
        assertThat(read.header("X-RateLimit-Remaining")).as("the write took nothing from the reads")
                .isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 1));
        assertThat(secondWrite.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 2));
        assertThat(unlimited.header("X-RateLimit-Limit")).as("the default write budget").isEqualTo(String.valueOf(TEST_WRITES));
    }

    @Test
    void theBudgetsLiveInPostgreSqlOneRowPerClientAndBudget() {
        String company = company();
        String token = tokens.external(company);

        api.request("GET", FOLLOWUPS).token(token).send();
        api.request("POST", FOLLOWUPS).token(token).json("{}").send();

        assertThat(jdbc.queryForList("SELECT id FROM api_rate_limit_bucket WHERE id LIKE ? ORDER BY id", String.class,
                "%:" + company + ":%")).hasSize(2).allSatisfy(id -> assertThat(id).matches("(reads|writes):\\d+:" + company + ":.+"));
    }

    @Test
    void aRefusalForAMissingScopeIsCountedAndTold() {
        String token = tokens.sign(Map.of("company_id", company(), "scope", "debts:read"), Duration.ofHours(1));

        ApiResponse response = api.request("POST", FOLLOWUPS).token(token).json("{}").send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("X-RateLimit-Limit")).isNotNull();
        assertThat(response.header("X-RateLimit-Remaining")).isNotNull();
    }

    @Test
    void theBackendIsNotLimitedAndCallsWithoutAValidTokenHaveNoClientToCount() {
        ApiResponse backend = api.request("GET", "/backend/followup/configs/tenant/" + UUID.randomUUID())
                .token(tokens.backend(UUID.randomUUID())).send();
        ApiResponse anonymous = api.request("GET", FOLLOWUPS).send();

        assertThat(backend.header("X-RateLimit-Limit")).isNull();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void overTheLimitIs429InTheEnvelopeWithGetBillsDetailsAndRetryAfter() {
        String token = limitedClientToken(company());

        for (int i = LIMITED_CLIENT_REQUESTS - 1; i >= 0; i--) {
            ApiResponse allowed = api.request("GET", FOLLOWUPS).token(token).send();
            assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS));
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(i));
        }
        ApiResponse refused = api.request("GET", FOLLOWUPS).token(token).send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().get("error").asBoolean()).isTrue();
        assertThat(refused.json().get("code").asInt()).isEqualTo(429);
        assertThat(refused.json().get("message").asString()).isEqualTo("Rate limit exceeded. Please try again later.");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // 3 an hour, refilled evenly: the next one comes back within 20 minutes.
        assertThat(retryAfter).isBetween(1L, 1200L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(reset - clock.instant().getEpochSecond()).isBetween(retryAfter - 5, 3600L);
        JsonNode details = refused.json().get("details");
        assertThat(details.get("retry_after").isIntegralNumber()).as(details.toString()).isTrue();
        assertThat(details.get("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(details.get("limit").isIntegralNumber()).isTrue();
        assertThat(details.get("limit").asLong()).isEqualTo(LIMITED_CLIENT_REQUESTS);
        assertThat(details.get("reset_time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(details.get("reset_time").asString()).getEpochSecond()).as("the same time as X-RateLimit-Reset")
                .isEqualTo(reset);
        assertThat(details.size()).isEqualTo(3);
    }

    @Test
    void aClientWhoseWritesAreSpentCanStillRead() {
        String token = limitedClientToken(company());
        for (int i = 0; i < LIMITED_CLIENT_REQUESTS; i++) {
            assertThat(api.request("POST", FOLLOWUPS).token(token).json("{}").send().status()).isEqualTo(400);
        }

        ApiResponse refusedWrite = api.request("PUT", FOLLOWUPS + "/not-an-id").token(token).json("{}").send();
        ApiResponse read = api.request("GET", FOLLOWUPS).token(token).send();

        assertThat(refusedWrite.status()).isEqualTo(429);
        assertThat(refusedWrite.json().at("/details/limit").asLong()).isEqualTo(LIMITED_CLIENT_REQUESTS);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 1));
    }

    @Test
    void oneClientOverItsLimitDoesNotSlowAnother() {
        String company = company();
        String limited = limitedClientToken(company);
        for (int i = 0; i <= LIMITED_CLIENT_REQUESTS; i++) {
            api.request("GET", FOLLOWUPS).token(limited).send();
        }

        ApiResponse sameClientOtherCompany = api.request("GET", FOLLOWUPS).token(limitedClientToken(company())).send();
        ApiResponse otherClientSameCompany = api.request("GET", FOLLOWUPS).token(tokens.external(company)).send();

        assertThat(api.request("GET", FOLLOWUPS).token(limited).send().status()).isEqualTo(429);
        assertThat(sameClientOtherCompany.status()).isEqualTo(200);
        assertThat(otherClientSameCompany.status()).isEqualTo(200);
    }

    @Test
    void theClientIsNamedByClientIdThenAzpThenSub() {
        String company = company();
        String byAzp = tokens.sign(Map.of("company_id", company, "azp", LIMITED_CLIENT, "scope", TestTokens.EXTERNAL_SCOPES),
                Duration.ofHours(1));
        String byClientId = tokens.sign(Map.of("company_id", company, "client_id", LIMITED_CLIENT, "azp", "someone-else",
                "scope", TestTokens.EXTERNAL_SCOPES), Duration.ofHours(1));

        assertThat(api.request("GET", FOLLOWUPS).token(byAzp).send().header("X-RateLimit-Limit"))
                .isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS));
        assertThat(api.request("GET", FOLLOWUPS).token(byClientId).send().header("X-RateLimit-Remaining"))
                .as("the same client, so the same bucket").isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 2));
    }

    @Test
    void theAllowanceComesBackWithTime() {
        String token = limitedClientToken(company());
        for (int i = 0; i <= LIMITED_CLIENT_REQUESTS; i++) {
            api.request("GET", FOLLOWUPS).token(token).send();
        }

        clock.advance(Duration.ofHours(1));

        ApiResponse response = api.request("GET", FOLLOWUPS).token(token).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS - 1));
    }

    private static String limitedClientToken(String company) {
        return tokens.sign(Map.of("company_id", company, "client_id", LIMITED_CLIENT, "scope", TestTokens.EXTERNAL_SCOPES),
                Duration.ofHours(1));
    }

    private static String company() {
        return "rate-" + UUID.randomUUID();
    }
}
