package io.followup.security;

import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser page on an allowed origin can call both APIs: preflights without a token, readable answers. */
class CorsIntegrationTests extends IntegrationTest {

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        for (String path : List.of("/backend/followup/configs", "/external-api/v1/followups")) {
            ApiResponse preflight = api.request("OPTIONS", path)
                    .header("Origin", ALLOWED_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                    .send();

            assertThat(preflight.status()).as(path).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                    .contains("authorization", "content-type", "idempotency-key");
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        }
    }

    @Test
    void answersExposeTheRateLimitIdempotencyAndConcurrencyHeaders() {
        ApiResponse list = api.request("GET", "/external-api/v1/followups")
                .token(tokens.external("company-" + UUID.randomUUID()))
                .header("Origin", ALLOWED_ORIGIN).send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(list.header("Access-Control-Expose-Headers"))
                .contains("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Window", "Retry-After",
                        "Idempotent-Replayed", "Location", "ETag");
        assertThat(list.header("X-RateLimit-Remaining")).isNotNull();
    }

    @Test
    void errorsCarryTheHeadersTooSoThePageCanReadThem() {
        ApiResponse unauthorized = api.request("GET", "/backend/followup/configs/" + UUID.randomUUID())
                .header("Origin", ALLOWED_ORIGIN).send();

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(unauthorized.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anotherOriginIsRefusedAndGetsNoCorsHeaders() {
        ApiResponse preflight = api.request("OPTIONS", "/backend/followup/configs")
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .send();
        ApiResponse call = api.request("GET", "/backend/followup/configs/" + UUID.randomUUID())
                .token(tokens.backend(UUID.randomUUID())).header("Origin", "https://evil.example.test").send();

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void serverToServerCallsWithoutOriginAreUnchanged() {
        ApiResponse call = api.request("GET", "/backend/followup/configs/" + UUID.randomUUID())
                .token(tokens.backend(UUID.randomUUID())).send();

        assertThat(call.status()).isEqualTo(404);
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }
}
