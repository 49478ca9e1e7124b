package io.followup.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import io.followup.security.Integrator;
import io.followup.web.ApiErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the database does not answer, the limiter cannot count: the request is refused with the service's 503 (fail
 * closed) instead of going on unlimited to wait for the same database a second time.
 */
class RateLimitOutageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSharedLimiterFailsRatherThanAllowWhenPostgreSqlIsUnreachable() {
        try (HikariDataSource nowhere = new HikariDataSource()) {
            // Port 9 (discard) has no PostgreSQL: the connection is refused at once.
            nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/none");
            nowhere.setConnectionTimeout(Duration.ofMillis(500).toMillis());
            nowhere.setInitializationFailTimeout(-1);
            RateLimiter limiter = new PostgresRateLimiter(LocalRateLimiterTests.settings(10, 10, Duration.ofHours(1), Map.of()),
                    nowhere, Clock.systemUTC());

            assertThatThrownBy(() -> limiter.tryAcquire(new Integrator("acme", "client"), Budget.READS))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aBudgetThatCannotBeReadIsA503WithRetryAfterAndTheRequestGoesNoFurther() throws Exception {
        authenticate();
        RateLimitFilter filter = filter(limiter((integrator, budget) -> {
            throw new IllegalStateException("Failed to obtain JDBC Connection");
        }));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();

        filter.doFilter(new MockHttpServletRequest("GET", "/external-api/v1/followups"), response,
                (request, ignored) -> reached.set(true));

        assertThat(reached).as("the controller was not reached").isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("X-RateLimit-Limit")).as("nothing known to tell").isNull();
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.get("error").asBoolean()).isTrue();
        assertThat(body.get("code").asInt()).isEqualTo(503);
        assertThat(body.get("message").asString()).isEqualTo("Service temporarily unavailable; retry shortly");
        assertThat(meters.counter("followup.api.rate_limit_unavailable").count()).isEqualTo(1.0);
    }

    @Test
    void aBudgetThatCanBeReadLetsTheRequestThroughWithItsHeaders() throws Exception {
        authenticate();
        RateLimitFilter filter = filter(limiter((integrator, budget) -> new RateLimit(true, budget == Budget.WRITES ? 500 : 1000, 7, 30, 0, 3600)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();

        filter.doFilter(new MockHttpServletRequest("DELETE", "/external-api/v1/debts/x"), response,
                (request, ignored) -> reached.set(true));

        assertThat(reached).isTrue();
        assertThat(response.getHeader("X-RateLimit-Limit")).as("a DELETE counts against the writes").isEqualTo("500");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("7");
        assertThat(response.getHeader("X-RateLimit-Window")).isEqualTo("3600");
    }

    private RateLimitFilter filter(RateLimiter limiter) {
        return new RateLimitFilter(limiter, new ApiErrors(JSON), meters.counter("followup.api.rate_limited"),
                meters.counter("followup.api.rate_limit_unavailable"), Clock.systemUTC());
    }

    private static void authenticate() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("company_id", "acme").claim("client_id", "client")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    /** A limiter answering the integrators' budgets with {@code answer}; the filter asks nothing else. */
    private static RateLimiter limiter(java.util.function.BiFunction<Integrator, Budget, RateLimit> answer) {
        return new RateLimiter() {
            @Override
            public RateLimit tryAcquire(Integrator integrator, Budget budget) {
                return answer.apply(integrator, budget);
            }

            @Override
            public RateLimit tryAcquire(String key, long requests, java.time.Duration period) {
                throw new UnsupportedOperationException(key);
            }
        };
    }
}
