package io.followup.apiclients;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.followup.apiclients.ApiClientsAdminIntegrationTests.PATH;
import static io.followup.apiclients.ApiClientsAdminIntegrationTests.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests to the admin API: each a 4xx problem detail naming the field at fault, never a 500, and nothing written. */
class ApiClientsBadInputIntegrationTests extends IntegrationTest {

    private final String company = "company-" + UUID.randomUUID();

    static Stream<Arguments> badCreates() {
        return Stream.of(
                Arguments.of("unknown scope", "{\"name\": \"x\", \"scopes\": [\"debts:delete\"]}", "scopes"),
                Arguments.of("admin scope is not grantable", "{\"name\": \"x\", \"scopes\": [\"api-clients:admin\"]}", "scopes"),
                Arguments.of("metrics scope is not grantable", "{\"name\": \"x\", \"scopes\": [\"debts:read\", \"metrics:read\"]}", "scopes"),
                Arguments.of("empty scopes", "{\"name\": \"x\", \"scopes\": []}", "scopes"),
                Arguments.of("missing scopes", "{\"name\": \"x\"}", "scopes"),
                Arguments.of("null scope", "{\"name\": \"x\", \"scopes\": [null]}", "scopes"),
                Arguments.of("scopes not an array", "{\"name\": \"x\", \"scopes\": \"debts:read\"}", "scopes"),
                Arguments.of("scope not a string", "{\"name\": \"x\", \"scopes\": [1]}", "scopes[0]"),
                Arguments.of("too many scopes", "{\"name\": \"x\", \"scopes\": [" + "\"debts:read\",".repeat(20) + "\"debts:read\"]}", "scopes"),
                Arguments.of("name too long", "{\"name\": \"" + "n".repeat(101) + "\", \"scopes\": [\"debts:read\"]}", "name"),
                Arguments.of("blank name", "{\"name\": \"   \", \"scopes\": [\"debts:read\"]}", "name"),
                Arguments.of("missing name", "{\"scopes\": [\"debts:read\"]}", "name"),
                Arguments.of("name not a string", "{\"name\": 5, \"scopes\": [\"debts:read\"]}", "name"),
                Arguments.of("NUL in name", "{\"name\": \"a\\u0000b\", \"scopes\": [\"debts:read\"]}", "name"),
                Arguments.of("unknown field", "{\"name\": \"x\", \"scopes\": [\"debts:read\"], \"secret\": \"mine\"}", "secret"),
                Arguments.of("malformed JSON", "{\"name\": \"x\", \"scopes\": [", "body"),
                Arguments.of("not an object", "[]", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCreates")
    void badCreatesAre400NamingTheField(String name, String json, String field) {
        ApiResponse response = api.request("POST", PATH).token(adminToken(company)).json(json).send();

        assertProblem(response, 400, field);
        assertNothingWritten();
    }

    @Test
    void opsCompanyIdMustFitItsColumn() {
        String ops = ApiClientsAdminIntegrationTests.opsToken();
        for (String companyId : new String[] {"", "  ", "c".repeat(101)}) {
            ApiResponse response = api.request("POST", PATH).token(ops)
                    .json("{\"name\": \"x\", \"scopes\": [\"debts:read\"], \"company_id\": \"" + companyId + "\"}").send();
            assertProblem(response, 400, "company_id");
        }
    }

    static Stream<Arguments> badGracePeriods() {
        return Stream.of("\"-PT1H\"", "\"P8D\"", "\"P1Y\"", "\"P1M\"", "\"tomorrow\"", "\"\"", "24", "true", "[\"PT1H\"]")
                .map(value -> Arguments.of("{\"grace_period\": " + value + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGracePeriods")
    void badGracePeriodsAre400(String json) {
        String clientId = createdClient();

        ApiResponse response = api.request("POST", PATH + "/" + clientId + "/secret").token(adminToken(company)).json(json).send();

        assertProblem(response, 400, "grace_period");
        assertThat(jdbc.queryForObject("SELECT secret_rotated_at IS NULL FROM api_client WHERE client_id = ?", Boolean.class, clientId))
                .isTrue();
    }

    @Test
    void unknownFieldInRotateIs400() {
        ApiResponse response = api.request("POST", PATH + "/" + createdClient() + "/secret").token(adminToken(company))
                .json("{\"grace\": \"PT1H\"}").send();

        assertProblem(response, 400, "grace");
    }

    @Test
    void wrongContentTypeIs415() {
        ApiResponse create = api.request("POST", PATH).token(adminToken(company)).header("Content-Type", "text/plain")
                .body("{\"name\": \"x\", \"scopes\": [\"debts:read\"]}").send();
        ApiResponse rotate = api.request("POST", PATH + "/" + createdClient() + "/secret").token(adminToken(company))
                .header("Content-Type", "application/x-www-form-urlencoded").body("grace_period=PT1H").send();

        assertProblem(create, 415, "Content-Type");
        assertProblem(rotate, 415, "Content-Type");
    }

    @Test
    void withoutTokenIs401AndWithoutScopeIs403() {
        String clientId = createdClient();
        String noScope = tokens.sign(Map.of("scope", "debts:read debts:write", "company_id", company), Duration.ofHours(1));

        assertProblem(api.request("GET", PATH).send(), 401, null);
        assertProblem(api.request("POST", PATH).json("{\"name\": \"x\", \"scopes\": [\"debts:read\"]}").send(), 401, null);
        assertProblem(api.request("GET", PATH).token(noScope).send(), 403, null);
        assertProblem(api.request("POST", PATH).token(noScope).json("{\"name\": \"x\", \"scopes\": [\"debts:read\"]}").send(), 403, null);
        assertProblem(api.request("DELETE", PATH + "/" + clientId).token(noScope).send(), 403, null);
        assertProblem(api.request("POST", PATH + "/" + clientId + "/secret").token(noScope).send(), 403, null);
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NULL AND secret_rotated_at IS NULL FROM api_client WHERE client_id = ?",
                Boolean.class, clientId)).isTrue();
    }

    @Test
    void anUnusableCompanyClaimIsRefusedNotTakenForOps() {
        for (Object claim : new Object[] {"", " ", "c".repeat(101), 42}) {
            String token = tokens.sign(Map.of("scope", "api-clients:admin", "company_id", claim), Duration.ofHours(1));
            assertProblem(api.request("GET", PATH).token(token).send(), 403, null);
        }
    }

    @Test
    void absurdPathsAndParametersAre4xx() {
        assertProblem(api.request("GET", PATH + "/" + "x".repeat(5000)).token(adminToken(company)).send(), 404, null);
        assertProblem(api.request("DELETE", PATH + "/" + "x".repeat(65)).token(adminToken(company)).send(), 404, null);
        assertProblem(api.request("GET", PATH + "?size=0").token(adminToken(company)).send(), 400, "size");
        assertProblem(api.request("GET", PATH + "?page=-1").token(adminToken(company)).send(), 400, "page");
        assertProblem(api.request("GET", PATH + "?size=abc").token(adminToken(company)).send(), 400, "size");
        assertProblem(api.request("GET", PATH + "?company_id=a%00b").token(ApiClientsAdminIntegrationTests.opsToken()).send(), 400,
                "company_id");
    }

    private String createdClient() {
        ApiResponse created = api.request("POST", PATH).token(adminToken(company))
                .json("{\"name\": \"x\", \"scopes\": [\"debts:read\"]}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("client_id").asString();
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_client WHERE company_id = ?", Long.class, company)).isZero();
    }

    private static void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("errors").get(field)).as(response.toString()).isNotNull();
            assertThat(response.json().get("errors").get(field).asString()).isNotBlank();
        }
    }
}
