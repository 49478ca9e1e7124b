package io.followup.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authentication and authorization in each surface's own error format. */
class SecurityIntegrationTests extends IntegrationTest {

    private static final String CONFIGS = "/backend/followup/configs/" + UUID.randomUUID();

    @Autowired
    FilterChainProxy filterChain;

    @Test
    void theFilterChainChecksHeadersWithTheServicesFirewall() {
        // The bean is Spring's composite around the real chain, which is the one that checks requests.
        Object chain = ReflectionTestUtils.getField(filterChain, "springSecurityFilterChain");
        HttpFirewall firewall = (HttpFirewall) ReflectionTestUtils.getField(chain == null ? filterChain : chain, "firewall");
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues").getClass().getName())
                .startsWith(HeaderValues.class.getName());
        // The rule stays Spring's: a control character is refused, a tab is not.
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/backend/followup/configs");
        request.addHeader("X-Probe", "a\u0001b");
        request.addHeader("X-Tab", "a\tb");
        HttpServletRequest checked = firewall.getFirewalledRequest(request);
        assertThatThrownBy(() -> checked.getHeader("X-Probe")).isInstanceOf(RequestRejectedException.class);
        assertThat(checked.getHeader("X-Tab")).isEqualTo("a\tb");
    }

    @Test
    void backendWithoutTokenIs401ProblemWithBearerChallenge() {
        ApiResponse response = api.request("GET", CONFIGS).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("bearer token");
    }

    /** GetBill's 401 body, exactly (https://docs.getbill.io/errors): no details member, whatever was wrong with the token. */
    private static final String GETBILL_401 = "{\"error\":true,\"message\":\"Authentication credentials are missing or invalid\",\"code\":401}";

    @Test
    void externalWithoutTokenIsGetBills401WithAChallengeWithoutAnError() {
        ApiResponse response = api.request("POST", "/external-api/v1/followups").json("{}").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body()).isEqualTo(GETBILL_401);
        // RFC 6750 section 3.1: a request without credentials gets the challenge without an error code.
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
    }

    @Test
    void externalWithInvalidTokenIsGetBills401AndTheReasonIsInTheChallenge() {
        ApiResponse response = api.request("GET", "/external-api/v1/followups").token("not-a-jwt").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(GETBILL_401);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"").contains("error_description=\"");
    }

    @Test
    void externalWithExpiredTokenIsGetBills401AndTheChallengeSaysExpired() {
        String expired = tokens.sign(Map.of("company_id", "expired-" + UUID.randomUUID(), "scope", TestTokens.EXTERNAL_SCOPES),
                Duration.ofMinutes(-10));

        ApiResponse response = api.request("GET", "/external-api/v1/followups").token(expired).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(GETBILL_401);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"").containsIgnoringCase("expired");
    }

    @Test
    void externalMissingScopeIsGetBills403WithoutDetails() {
        String readOnly = tokens.sign(Map.of("company_id", "scope-" + UUID.randomUUID(), "scope", "debts:read"), Duration.ofHours(1));

        ApiResponse response = api.request("POST", "/external-api/v1/debts").token(readOnly).json("{}").send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":true,\"message\":\"Required scope \\\"debts:write\\\" not found in token\",\"code\":403}");
    }

    @Test
    void expiredForgedAndUnsignedTokensAre401() {
        Map<String, Object> claims = Map.of("tenant_id", UUID.randomUUID().toString(), "scope", TestTokens.BACKEND_SCOPES);
        String expired = tokens.sign(claims, Duration.ofMinutes(-10));
        String forged = TestTokens.forged(claims);
        String[] parts = tokens.sign(claims, Duration.ofHours(1)).split("\\.");
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";

        for (String token : new String[] {expired, forged, unsigned}) {
            ApiResponse response = api.request("GET", CONFIGS).token(token).send();
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void missingScopeIs403NamingTheScope() {
        String readOnly = tokens.backend(UUID.randomUUID(), "followup-configs:read");
        String writeOnly = tokens.backend(UUID.randomUUID(), "followup-configs:write");

        ApiResponse post = api.request("POST", "/backend/followup/configs").token(readOnly).json("{}").send();
        ApiResponse get = api.request("GET", CONFIGS).token(writeOnly).send();

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.contentType()).isEqualTo("application/problem+json");
        assertThat(post.json().get("detail").asString()).isEqualTo("Required scope \"followup-configs:write\" not found in token");
        assertThat(get.status()).isEqualTo(403);
        assertThat(get.json().get("detail").asString()).isEqualTo("Required scope \"followup-configs:read\" not found in token");
    }

    @Test
    void optOutsAreReadWithTheConfigsReadScopeAndDeletedWithTheEventsScope() {
        UUID tenant = UUID.randomUUID();
        String path = "/backend/followup/opt-outs";
        String eventsOnly = tokens.backend(tenant, "followup-events:write");
        String readOnly = tokens.backend(tenant, "followup-configs:read");

        ApiResponse listWithoutRead = api.request("GET", path).token(eventsOnly).send();
        ApiResponse deleteWithoutEvents = api.request("DELETE", path + "/channel-1/lead-1").token(readOnly).send();
        ApiResponse list = api.request("GET", path).token(readOnly).send();
        ApiResponse delete = api.request("DELETE", path + "/channel-1/lead-1").token(eventsOnly).send();
        ApiResponse noToken = api.request("DELETE", path + "/channel-1/lead-1").send();

        assertThat(listWithoutRead.status()).isEqualTo(403);
        assertThat(listWithoutRead.json().get("detail").asString()).isEqualTo("Required scope \"followup-configs:read\" not found in token");
        assertThat(deleteWithoutEvents.status()).isEqualTo(403);
        assertThat(deleteWithoutEvents.json().get("detail").asString()).isEqualTo("Required scope \"followup-events:write\" not found in token");
        assertThat(list.status()).isEqualTo(200);
        assertThat(delete.status()).as("allowed, and there is no such opt-out").isEqualTo(404);
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutAValidTenantIs403() {
        String noTenant = tokens.sign(Map.of("scope", TestTokens.BACKEND_SCOPES), Duration.ofHours(1));
        String badTenant = tokens.sign(Map.of("tenant_id", "acme", "scope", TestTokens.BACKEND_SCOPES), Duration.ofHours(1));

        for (String token : new String[] {noTenant, badTenant}) {
            ApiResponse response = api.request("GET", CONFIGS).token(token).send();
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).isEqualTo("Token has no valid tenant_id claim (a UUID)");
        }
    }

    @Test
    void healthAndApiDocsArePublicMetricsAreNot() {
        ApiResponse health = api.request("GET", "/actuator/health").send();
        ApiResponse liveness = api.request("GET", "/actuator/health/liveness").send();
        ApiResponse readiness = api.request("GET", "/actuator/health/readiness").send();
        ApiResponse prometheus = api.request("GET", "/actuator/prometheus").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(prometheus.status()).isEqualTo(401);
        String ops = tokens.sign(Map.of("scope", TestTokens.METRICS_SCOPE), Duration.ofHours(1));
        ApiResponse scraped = api.request("GET", "/actuator/prometheus").token(ops).send();
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiTokensOfEitherSurfaceCannotReadMetrics() {
        // An integrator's token, or a tenant's, is not an ops credential.
        for (String token : new String[] {tokens.backend(UUID.randomUUID()), tokens.external("company-" + UUID.randomUUID())}) {
            ApiResponse scraped = api.request("GET", "/actuator/prometheus").token(token).send();
            assertThat(scraped.status()).isEqualTo(403);
            assertThat(scraped.body()).doesNotContain("jvm_memory_used_bytes");
            assertThat(scraped.json().get("detail").asString()).isEqualTo("Required scope \"metrics:read\" not found in token");
        }
    }

    @Test
    void openApiDocumentDescribesTheConfigApiAndBearerAuth() {
        ApiResponse docs = api.request("GET", "/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/backend/followup/configs")).isTrue();
        assertThat(docs.json().at("/paths").has("/backend/followup/configs/{id}")).isTrue();
        assertThat(docs.json().at("/paths").has("/backend/followup/configs/tenant/{tenantId}")).isTrue();
        assertThat(docs.json().at("/components/securitySchemes/backend/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().at("/components/securitySchemes/external/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().at("/components/schemas/CreateConfigRequest/properties").has("trigger_status_ids")).isTrue();
        assertThat(docs.json().at("/paths/~1backend~1followup~1configs~1{id}/put/responses/404/content").has("application/problem+json"))
                .isTrue();
        assertThat(docs.json().at("/paths/~1backend~1followup~1configs/post/responses/400/content").has("application/problem+json"))
                .isTrue();
        assertThat(api.request("GET", "/swagger-ui/index.html").send().status()).isEqualTo(200);
    }
}
