package io.followup.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limit over HTTP. {@link #LIMITED_CLIENT} has a small allowance in the test
 * context; every test uses companies of its own, so no two tests share a bucket.
 */
class RateLimitIntegrationTests extends IntegrationTest {

    private static final String FOLLOWUPS = "/external-api/v1/followups";

    @Test
    void everyExternalAnswerTellsTheClientWhereItStands() {
        String token = tokens.external(company());

        ApiResponse first = api.request("GET", FOLLOWUPS).token(token).send();
        ApiResponse second = api.request("GET", FOLLOWUPS + "/not-an-id").token(token).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5000");
        assertThat(Long.parseLong(first.header("X-RateLimit-Remaining"))).isBetween(4990L, 4999L);
        // GetBill's meaning: the Unix time at which the allowance is whole again, and the counting period (1 s here).
        long now = clock.instant().getEpochSecond();
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isBetween(now - 5, now + 5);
        assertThat(first.header("X-RateLimit-Window")).isEqualTo("1");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.header("X-RateLimit-Limit")).isEqualTo("5000");
        assertThat(Long.parseLong(second.header("X-RateLimit-Remaining"))).isBetween(4990L, 4999L);
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
    void overTheLimitIs429InTheEnvelopeWithRetryAfter() {
        String token = limitedClientToken(company());

        for (int i = LIMITED_CLIENT_REQUESTS - 1; i >= 0; i--) {
            ApiResponse allowed = api.request("GET", FOLLOWUPS).token(token).send();
            assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS));
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(i));
        }
        ApiResponse refused = api.request("POST", FOLLOWUPS).token(token).json("{}").send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().get("error").asBoolean()).isTrue();
        assertThat(refused.json().get("code").asInt()).isEqualTo(429);
        assertThat(refused.json().get("message").asString()).isEqualTo("Rate limit exceeded. Please try again later.");
        assertThat(refused.json().get("details").isEmpty()).isTrue();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 1200L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long resetIn = Long.parseLong(refused.header("X-RateLimit-Reset")) - clock.instant().getEpochSecond();
        assertThat(resetIn).isBetween(retryAfter - 5, 3600L);
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
