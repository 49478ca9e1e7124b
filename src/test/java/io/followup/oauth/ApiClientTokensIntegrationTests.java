package io.followup.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.support.ApiResponse;
import io.followup.support.ClientCredentials;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import io.followup.support.OAuthServerKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API clients' tokens on the external API: what revoking and rotating do to them, and that each API client is an
 * integrator of its own (rate limit, Idempotency-Key) inside its company, which is all it sees.
 */
class ApiClientTokensIntegrationTests extends IntegrationTest {

    private static final String DEBTS = ExternalApiFixtures.DEBTS;
    private static final String CLIENTS = "/admin/v1/api-clients";
    private static final String GRANT = "grant_type=client_credentials";

    @Autowired
    private ApiClients clients;

    /** Documented: revoking stops new tokens; one already handed out lasts until it expires (at most an hour). */
    @Test
    void aRevokedClientsTokenWorksUntilItExpiresButItGetsNoNewOne() throws Exception {
        String company = company();
        IssuedClient client = clients.create(company, "revoked later", ApiClients.GRANTABLE_SCOPES);
        String token = ClientCredentials.accessToken(api, client.clientId(), client.clientSecret());

        ApiResponse revoked = api.request("DELETE", CLIENTS + "/" + client.clientId()).token(admin(company)).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        ApiResponse again = ClientCredentials.request(api, client.clientId(), client.clientSecret(), GRANT);
        assertThat(again.status()).as(again.toString()).isEqualTo(401);
        assertThat(again.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(api.request("GET", DEBTS).token(token).send().status()).as("the token handed out before").isEqualTo(200);
        ApiResponse created = api.request("POST", DEBTS).token(token).json(ExternalApiFixtures.debtBody("INV-" + UUID.randomUUID())).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .as("how long a revoked client's token may still be used").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRotatedSecretKeepsWorkingForItsGraceThenOnlyTheNewOneDoes() {
        String company = company();
        IssuedClient client = clients.create(company, "rotated", Set.of("debts:read"));
        ApiResponse rotated = api.request("POST", CLIENTS + "/" + client.clientId() + "/secret").token(admin(company))
                .json("{\"grace_period\": \"PT2H\"}").send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().path("client_secret").asString();
        assertThat(newSecret).isNotEqualTo(client.clientSecret());

        String old = ClientCredentials.accessToken(api, client.clientId(), client.clientSecret());
        String renewed = ClientCredentials.accessToken(api, client.clientId(), newSecret);
        assertThat(api.request("GET", DEBTS).token(old).send().status()).isEqualTo(200);
        assertThat(api.request("GET", DEBTS).token(renewed).send().status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2).plusMinutes(1));

        ApiResponse stale = ClientCredentials.request(api, client.clientId(), client.clientSecret(), GRANT);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
        assertThat(stale.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(stale.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(ClientCredentials.request(api, client.clientId(), newSecret, GRANT).status()).as("the new secret").isEqualTo(200);
    }

    @Test
    void theRateLimitIsPerApiClientNotPerCompany() {
        String company = company();
        IssuedClient limited = clients.resetSecret(company, LIMITED_CLIENT, "limited", Set.of("debts:read"));
        IssuedClient other = clients.create(company, "unlimited", Set.of("debts:read"));
        String limitedToken = ClientCredentials.accessToken(api, limited.clientId(), limited.clientSecret());
        String otherToken = ClientCredentials.accessToken(api, other.clientId(), other.clientSecret());

        for (int i = 1; i <= LIMITED_CLIENT_REQUESTS; i++) {
            ApiResponse allowed = api.request("GET", DEBTS).token(limitedToken).send();
            assertThat(allowed.status()).as("read " + i + ": " + allowed).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMITED_CLIENT_REQUESTS));
        }
        ApiResponse refused = api.request("GET", DEBTS).token(limitedToken).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().path("error").asBoolean()).isTrue();
        assertThat(refused.json().path("code").asInt()).isEqualTo(429);
        assertThat(refused.json().path("message").asString()).isEqualTo("Rate limit exceeded. Please try again later.");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1200L);

        ApiResponse neighbour = api.request("GET", DEBTS).token(otherToken).send();
        assertThat(neighbour.status()).as("the company's other client: " + neighbour).isEqualTo(200);
        assertThat(neighbour.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(TEST_READS));
    }

    @Test
    void anIdempotencyKeyBelongsToOneApiClient() {
        String company = company();
        String first = token(clients.create(company, "first", Set.of("debts:read", "debts:write")));
        String second = token(clients.create(company, "second", Set.of("debts:read", "debts:write")));
        String key = "key-" + UUID.randomUUID();
        String body = """
                {"firstname":"Maria","lastname":"Silva","phone":"+5511999998888","amount":1500.00,"currency":"BRL"}""";

        ApiResponse a = api.request("POST", DEBTS).token(first).header("Idempotency-Key", key).json(body).send();
        ApiResponse b = api.request("POST", DEBTS).token(second).header("Idempotency-Key", key).json(body).send();
        ApiResponse replay = api.request("POST", DEBTS).token(first).header("Idempotency-Key", key).json(body).send();

        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(a.header("Idempotent-Replayed")).isNull();
        assertThat(b.header("Idempotent-Replayed")).as("another client's key is not a replay").isNull();
        assertThat(b.json().path("data").path("id").asString()).isNotEqualTo(a.json().path("data").path("id").asString());
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(a.body());
        assertThat(jdbc.queryForObject("select count(*) from debt where company_id = ?", Long.class, company)).isEqualTo(2);
    }

    @Test
    void aCompanysTokenSeesNothingOfAnotherCompany() {
        String tokenA = token(clients.create(company(), "A", ApiClients.GRANTABLE_SCOPES));
        String tokenB = token(clients.create(company(), "B", ApiClients.GRANTABLE_SCOPES));
        ApiResponse created = api.request("POST", DEBTS).token(tokenB).json(ExternalApiFixtures.debtBody("INV-B-" + UUID.randomUUID())).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String debt = created.json().path("data").path("id").asString();

        for (String method : List.of("GET", "DELETE")) {
            ApiResponse foreign = api.request(method, DEBTS + "/" + debt).token(tokenA).send();
            assertThat(foreign.status()).as(method + ": " + foreign).isEqualTo(404);
            assertThat(foreign.json().path("message").asString()).isEqualTo("Debt not found");
        }
        ApiResponse list = api.request("GET", DEBTS).token(tokenA).send();
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("data").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids).doesNotContain(debt).isEmpty();
        assertThat(api.request("GET", DEBTS + "/" + debt).token(tokenB).send().status()).as("B's debt is still there").isEqualTo(200);
    }

    @Test
    void aTokenRecordsItsUseAndCarriesTheClientsClaims() throws Exception {
        String company = company();
        IssuedClient client = clients.create(company, "claims", Set.of("followups:read", "debts:write", "debts:read"));
        assertThat(lastUsedAt(client)).isNull();
        Instant before = clock.instant();

        ApiResponse token = ClientCredentials.request(api, client.clientId(), client.clientSecret(), GRANT);

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        Instant usedAt = lastUsedAt(client).toInstant();
        assertThat(usedAt).isBetween(before, clock.instant());
        ApiResponse shown = api.request("GET", CLIENTS + "/" + client.clientId()).token(admin(company)).send();
        assertThat(Instant.parse(shown.json().path("last_used_at").asString())).isEqualTo(usedAt);

        SignedJWT jwt = SignedJWT.parse(token.json().path("access_token").asString());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(claims.getIssuer()).isEqualTo(OAuthServerKeys.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(client.clientId());
        assertThat(claims.getAudience()).containsExactly(client.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("company_id")).isEqualTo(company);
        assertThat(claims.getStringClaim("scope")).isEqualTo("debts:read debts:write followups:read");
        assertThat(token.json().path("scope").asString().split(" ")).containsExactlyInAnyOrder("debts:read", "debts:write", "followups:read");
        assertThat(claims.getJWTID()).isNotBlank();
        JsonNode answer = token.json();
        assertThat(answer.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.header("Cache-Control")).contains("no-store");
    }

    private String token(IssuedClient client) {
        return ClientCredentials.accessToken(api, client.clientId(), client.clientSecret());
    }

    private OffsetDateTime lastUsedAt(IssuedClient client) {
        return jdbc.queryForObject("select last_used_at from api_client where client_id = ?", OffsetDateTime.class, client.clientId());
    }

    private static String admin(String company) {
        return tokens.sign(Map.of("scope", "api-clients:admin", "company_id", company), Duration.ofHours(1));
    }

    private static String company() {
        return "tokens-" + UUID.randomUUID();
    }
}
