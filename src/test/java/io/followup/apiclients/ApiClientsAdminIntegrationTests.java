package io.followup.apiclients;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API end to end: create, list, get, revoke and rotate, over HTTP against real PostgreSQL. */
class ApiClientsAdminIntegrationTests extends IntegrationTest {

    static final String PATH = "/admin/v1/api-clients";

    private final String company = "company-" + UUID.randomUUID();

    @Autowired
    private ApiClients apiClients;

    static String adminToken(String company) {
        return tokens.sign(Map.of("scope", "api-clients:admin", "company_id", company), Duration.ofHours(1));
    }

    static String opsToken() {
        return tokens.sign(Map.of("scope", "api-clients:admin"), Duration.ofHours(1));
    }

    @Test
    void createShowsTheSecretOnceAndStoresOnlyItsHash() {
        ApiResponse created = create(adminToken(company), """
                {"name": "  Acme sync  ", "scopes": ["debts:write", "debts:read", "followups:read"]}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String clientId = body.get("client_id").asString();
        String secret = body.get("client_secret").asString();
        assertThat(clientId).matches("[0-9a-f]{24}");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + clientId);
        assertThat(body.get("name").asString()).isEqualTo("Acme sync");
        assertThat(body.get("company_id").asString()).isEqualTo(company);
        assertThat(body.get("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("debts:read", "debts:write", "followups:read");
        assertThat(Instant.parse(body.get("created_at").asString())).isNotNull();
        for (String empty : List.of("secret_rotated_at", "previous_secret_expires_at", "last_used_at", "revoked_at")) {
            assertThat(body.has(empty)).as(empty + " present").isTrue();
            assertThat(body.get(empty).isNull()).as(empty + " null").isTrue();
        }

        ApiResponse fetched = get(adminToken(company), PATH + "/" + clientId);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().has("client_secret")).isFalse();
        assertThat(fetched.body()).doesNotContain(secret);
        assertThat(fetched.json().get("created_at")).isEqualTo(body.get("created_at"));
        assertThat(fetched.json().get("revoked_at").isNull()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM api_client WHERE client_id = ?", clientId);
        assertThat((String) row.get("secret_hash")).startsWith("{bcrypt}$2");
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(secret));
        assertThat(row.get("scopes")).isEqualTo("debts:read debts:write followups:read");
        assertThat(apiClients.authenticate(clientId, secret)).get().isEqualTo(new AuthenticatedClient(clientId, company, "Acme sync",
                Set.of("debts:read", "debts:write", "followups:read")));
    }

    @Test
    void listIsTheCompanysClientsNewestFirstWithoutSecrets() {
        String first = clientId(create(adminToken(company), body("first")));
        String second = clientId(create(adminToken(company), body("second")));
        String third = clientId(create(adminToken(company), body("third")));
        create(adminToken(company + "-other"), body("someone else's"));

        ApiResponse page = get(adminToken(company), PATH + "?size=2");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(page.json().get("total_elements").asLong()).isEqualTo(3);
        assertThat(page.json().get("total_pages").asInt()).isEqualTo(2);
        assertThat(page.body()).doesNotContain("client_secret");
        assertThat(ids(get(adminToken(company), PATH + "?page=1&size=2"))).containsExactly(first);
        assertThat(ids(get(adminToken(company), PATH + "?company_id=" + company))).containsExactly(third, second, first);
    }

    @Test
    void opsManageAnyCompanyAndMustNameTheCompanyToCreate() {
        ApiResponse created = create(opsToken(), """
                {"name": "Ops-made", "scopes": ["debtors:read"], "company_id": "%s"}""".formatted(company));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = clientId(created);
        assertThat(created.json().get("company_id").asString()).isEqualTo(company);
        String byAdmin = clientId(create(adminToken(company), body("admin-made")));

        assertThat(ids(get(opsToken(), PATH + "?company_id=" + company))).containsExactly(byAdmin, clientId);
        assertThat(ids(get(opsToken(), PATH + "?size=100"))).contains(byAdmin, clientId);
        assertThat(get(opsToken(), PATH + "/" + byAdmin).status()).isEqualTo(200);
        assertThat(api.request("DELETE", PATH + "/" + byAdmin).token(opsToken()).send().status()).isEqualTo(204);
        assertThat(rotate(opsToken(), clientId, null).status()).isEqualTo(200);

        ApiResponse missing = create(opsToken(), body("no company"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get("company_id").asString()).contains("ops token");
    }

    @Test
    void aCompanyAdminCannotSeeOrChangeAnotherCompanysClient() {
        String theirs = clientId(create(adminToken(company + "-b"), body("theirs")));
        String mine = adminToken(company);

        assertThat(get(mine, PATH + "/" + theirs).status()).isEqualTo(404);
        assertThat(api.request("DELETE", PATH + "/" + theirs).token(mine).send().status()).isEqualTo(404);
        assertThat(rotate(mine, theirs, "{\"grace_period\": \"PT1H\"}").status()).isEqualTo(404);
        assertThat(get(mine, PATH + "/" + "0".repeat(24)).status()).as("a missing client looks the same").isEqualTo(404);
        assertThat(ids(get(mine, PATH))).doesNotContain(theirs);
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NULL AND secret_rotated_at IS NULL FROM api_client WHERE client_id = ?",
                Boolean.class, theirs)).isTrue();

        ApiResponse otherList = get(mine, PATH + "?company_id=" + company + "-b");
        assertThat(otherList.status()).isEqualTo(403);
        ApiResponse otherCreate = create(mine, """
                {"name": "x", "scopes": ["debts:read"], "company_id": "%s-b"}""".formatted(company));
        assertThat(otherCreate.status()).isEqualTo(403);
        assertThat(otherCreate.json().get("errors").get("company_id").asString()).isNotBlank();
        assertThat(create(mine, """
                {"name": "x", "scopes": ["debts:read"], "company_id": "%s"}""".formatted(company)).status())
                .as("naming one's own company is fine").isEqualTo(201);
    }

    @Test
    void revokeIsIdempotentAndEndsTokens() {
        ApiResponse created = create(adminToken(company), body("to revoke"));
        String clientId = clientId(created);
        String secret = created.json().get("client_secret").asString();

        assertThat(api.request("DELETE", PATH + "/" + clientId).token(adminToken(company)).send().status()).isEqualTo(204);
        String revokedAt = get(adminToken(company), PATH + "/" + clientId).json().get("revoked_at").asString();
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.request("DELETE", PATH + "/" + clientId).token(adminToken(company)).send().status()).isEqualTo(204);

        assertThat(revokedAt).isNotNull();
        assertThat(get(adminToken(company), PATH + "/" + clientId).json().get("revoked_at").asString()).isEqualTo(revokedAt);
        assertThat(apiClients.authenticate(clientId, secret)).isEmpty();
        ApiResponse rotated = rotate(adminToken(company), clientId, null);
        assertThat(rotated.status()).isEqualTo(409);
        assertThat(rotated.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rotationKeepsTheOldSecretForItsGraceOnly() {
        ApiResponse created = create(adminToken(company), body("rotating"));
        String clientId = clientId(created);
        String first = created.json().get("client_secret").asString();

        ApiResponse rotated = rotate(adminToken(company), clientId, "{\"grace_period\": \"PT2H\"}");

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().get("client_secret").asString();
        assertThat(second).isNotEqualTo(first).matches("[A-Za-z0-9_-]{43}");
        Instant rotatedAt = Instant.parse(rotated.json().get("secret_rotated_at").asString());
        assertThat(Instant.parse(rotated.json().get("previous_secret_expires_at").asString())).isEqualTo(rotatedAt.plus(Duration.ofHours(2)));
        assertThat(apiClients.authenticate(clientId, first)).as("old secret in its grace").isPresent();
        assertThat(apiClients.authenticate(clientId, second)).isPresent();
        assertThat(get(adminToken(company), PATH + "/" + clientId).body()).doesNotContain(second);

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(apiClients.authenticate(clientId, first)).as("old secret after its grace").isEmpty();
        assertThat(apiClients.authenticate(clientId, second)).isPresent();
    }

    @Test
    void rotatingAgainEndsTheFirstOldSecretAtOnce() {
        ApiResponse created = create(adminToken(company), body("twice"));
        String clientId = clientId(created);
        String first = created.json().get("client_secret").asString();

        String second = rotate(adminToken(company), clientId, null).json().get("client_secret").asString();
        ApiResponse again = rotate(adminToken(company), clientId, "{\"grace_period\": \"P1D\"}");
        String third = again.json().get("client_secret").asString();

        assertThat(apiClients.authenticate(clientId, first)).isEmpty();
        assertThat(apiClients.authenticate(clientId, second)).isPresent();
        assertThat(apiClients.authenticate(clientId, third)).isPresent();
    }

    @Test
    void defaultGraceIsADayAndZeroEndsTheOldSecretAtOnce() {
        ApiResponse created = create(adminToken(company), body("grace"));
        String clientId = clientId(created);
        String first = created.json().get("client_secret").asString();

        ApiResponse byDefault = api.request("POST", PATH + "/" + clientId + "/secret").token(adminToken(company)).send();
        assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(200);
        assertThat(Duration.between(Instant.parse(byDefault.json().get("secret_rotated_at").asString()),
                Instant.parse(byDefault.json().get("previous_secret_expires_at").asString()))).isEqualTo(Duration.ofHours(24));
        String second = byDefault.json().get("client_secret").asString();

        ApiResponse atOnce = rotate(adminToken(company), clientId, "{\"grace_period\": \"PT0S\"}");
        assertThat(atOnce.status()).isEqualTo(200);
        assertThat(atOnce.json().get("previous_secret_expires_at").isNull()).isTrue();
        assertThat(apiClients.authenticate(clientId, second)).isEmpty();
        assertThat(apiClients.authenticate(clientId, first)).isEmpty();
        assertThat(apiClients.authenticate(clientId, atOnce.json().get("client_secret").asString())).isPresent();
    }

    static String body(String name) {
        return "{\"name\": \"" + name + "\", \"scopes\": [\"debts:read\"]}";
    }

    ApiResponse create(String token, String json) {
        return api.request("POST", PATH).token(token).json(json).send();
    }

    ApiResponse get(String token, String path) {
        return api.request("GET", path).token(token).send();
    }

    ApiResponse rotate(String token, String clientId, String json) {
        var request = api.request("POST", PATH + "/" + clientId + "/secret").token(token);
        return (json == null ? request : request.json(json)).send();
    }

    static String clientId(ApiResponse created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("client_id").asString();
    }

    static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("client_id").asString()).toList();
    }
}
