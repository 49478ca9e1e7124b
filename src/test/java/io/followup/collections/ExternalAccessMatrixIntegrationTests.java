package io.followup.collections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of {@code /external-api/v1} against every kind of caller. Company A owns a debt
 * and a followup; "other company" is company B calling with A's IDs and reference. Each cell sets up
 * companies of its own.
 */
class ExternalAccessMatrixIntegrationTests extends IntegrationTest {

    private static final String DEBTS = "/external-api/v1/debts";
    private static final String FOLLOWUPS = "/external-api/v1/followups";

    enum Caller {
        OWN("own company"), OTHER_COMPANY("other company"), NO_TOKEN("no token"), EXPIRED("expired token"),
        FORGED("forged signature"), WRONG_SCOPE("wrong scope");

        final String label;

        Caller(String label) {
            this.label = label;
        }
    }

    /** What a 2xx answer of an endpoint carries. */
    enum Shape { CREATED, ONE, LIST, MESSAGE, BATCH }

    /**
     * An endpoint; {@code path} and {@code body} may hold {debt}, {followup} (A's IDs), {aref} (A's
     * external reference) and {ref} (the reference a POST /debts sends).
     */
    enum Endpoint {
        CREATE_DEBT("POST", DEBTS, "debts:write", Shape.CREATED, 201, 201,
                "{\"internal_id\":\"{ref}\",\"firstname\":\"Bruno\",\"lastname\":\"Costa\",\"email\":\"bruno@example.com\",\"amount\":250.00,\"currency\":\"BRL\"}"),
        LIST_DEBTS("GET", DEBTS + "?internal_id={aref}", "debts:read", Shape.LIST, 200, 200, null),
        GET_DEBT("GET", DEBTS + "/{debt}", "debts:read", Shape.ONE, 200, 404, null),
        PUT_DEBT("PUT", DEBTS + "/{debt}", "debts:write", Shape.ONE, 200, 404, "{\"city\":\"Lisboa\",\"status\":\"in_progress\"}"),
        PATCH_DEBT("PATCH", DEBTS + "/{debt}", "debts:write", Shape.ONE, 200, 404, "{\"city\":\"Lisboa\"}"),
        DELETE_DEBT("DELETE", DEBTS + "/{debt}", "debts:write", Shape.MESSAGE, 200, 404, null),
        BATCH_DEBTS("POST", DEBTS + "/batch", "debts:write", Shape.BATCH, 200, 200,
                "{\"debts\":[{\"temp_id\":\"t1\",\"internal_id\":\"{ref}\",\"firstname\":\"Bruno\",\"lastname\":\"Costa\",\"email\":\"bruno@example.com\",\"amount\":250.00,\"currency\":\"BRL\"}]}"),
        LIST_DEBTS_OF_DEBTOR("GET", DEBTS + "/by-debtor/{debtor}", "debts:read", Shape.LIST, 200, 404, null),
        CREATE_FOLLOWUP("POST", FOLLOWUPS, "followups:write", Shape.CREATED, 201, 400,
                "{\"debt_id\":\"{debt}\",\"type\":\"sms\",\"summary\":\"Reminder sent\"}"),
        LIST_FOLLOWUPS("GET", FOLLOWUPS, "followups:read", Shape.LIST, 200, 200, null),
        GET_FOLLOWUP("GET", FOLLOWUPS + "/{followup}", "followups:read", Shape.ONE, 200, 404, null),
        PATCH_FOLLOWUP("PATCH", FOLLOWUPS + "/{followup}", "followups:write", Shape.ONE, 200, 404,
                "{\"status\":\"in_progress\"}"),
        PUT_FOLLOWUP("PUT", FOLLOWUPS + "/{followup}", "followups:write", Shape.ONE, 200, 404,
                "{\"status\":\"in_progress\"}"),
        LIST_FOLLOWUPS_OF_DEBT("GET", FOLLOWUPS + "/debt/{debt}", "followups:read", Shape.LIST, 200, 404, null);

        final String method;
        final String path;
        final String scope;
        final Shape shape;
        final int own;
        final int other;
        final String body;

        Endpoint(String method, String path, String scope, Shape shape, int own, int other, String body) {
            this.method = method;
            this.path = path;
            this.scope = scope;
            this.shape = shape;
            this.own = own;
            this.other = other;
            this.body = body;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        int expected(Caller caller) {
            return switch (caller) {
                case OWN -> own;
                case OTHER_COMPANY -> other;
                case NO_TOKEN, EXPIRED, FORGED -> 401;
                case WRONG_SCOPE -> 403;
            };
        }

        String label() {
            return method + " " + path.replace("?internal_id={aref}", "?internal_id=…")
                    .replace("{debt}", "{debtId}").replace("{followup}", "{id}").replace("{debtor}", "{debtorId}");
        }
    }

    /** Company A's data, and company B. */
    private record Fixture(String a, String b, String aRef, String aDebt, String aFollowup, String aDebtor) {
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.argumentSet(endpoint.label() + " × " + caller.label + " → " + endpoint.expected(caller),
                        endpoint, caller)));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("cells")
    void cell(Endpoint endpoint, Caller caller) {
        Fixture f = fixture();
        List<String> aDebtsBefore = rows("debt", f.a());
        List<String> aFollowupsBefore = rows("debt_followup", f.a());
        List<String> bDebtsBefore = rows("debt", f.b());
        List<String> bFollowupsBefore = rows("debt_followup", f.b());
        String newRef = caller == Caller.OTHER_COMPANY ? f.aRef() : "INV-" + UUID.randomUUID();
        String path = fill(endpoint.path, f, newRef);
        int expected = endpoint.expected(caller);

        ApiClient.Request request = api.request(endpoint.method, path);
        String token = token(caller, endpoint, f);
        if (token != null) {
            request.token(token);
        }
        if (endpoint.body != null) {
            request.json(fill(endpoint.body, f, newRef));
        }
        ApiResponse response = request.send();

        String where = endpoint.label() + " × " + caller.label + ": " + endpoint.method + " " + path + " answered "
                + response.status() + " [" + response.contentType() + "] " + response.body();
        JsonNode body = ExternalAnswers.jsonObject(where, response, expected);

        if (expected < 300) {
            assertSuccess(where, endpoint, caller, f, body);
        }
        else {
            assertThat(body.path("error").isBoolean() && body.path("error").booleanValue()).as(where + " / error true").isTrue();
            assertThat(body.path("code").isInt()).as(where + " / code is a number").isTrue();
            assertThat(body.path("code").asInt()).as(where + " / code").isEqualTo(expected);
            assertThat(body.path("message").isString()).as(where + " / message is a string").isTrue();
            assertThat(body.path("message").asString()).as(where + " / message").isNotBlank();
            // GetBill's 401 and 403 bodies have no details (https://docs.getbill.io/errors); every other error has them.
            assertThat(body.path("details").isObject()).as(where + " / details is an object").isEqualTo(expected != 401 && expected != 403);
            if (expected == 401) {
                assertThat(response.header("WWW-Authenticate")).as(where + " / WWW-Authenticate").startsWith("Bearer");
            }
            if (expected == 403) {
                assertThat(body.get("message").asString()).as(where + " / message")
                        .isEqualTo("Required scope \"" + endpoint.scope + "\" not found in token");
            }
            if (expected == 400) {
                assertThat(body.path("details").path("debt_id").asString()).as(where + " / details.debt_id").isNotBlank();
            }
        }

        if (caller != Caller.OWN) {
            assertThat(response.body()).as(where + " / A's debt id must not leak").doesNotContain(f.aDebt());
            assertThat(response.body()).as(where + " / A's followup id must not leak").doesNotContain(f.aFollowup());
            assertThat(response.body()).as(where + " / A's debtor must not leak").doesNotContain("Ana Ferreira");
            assertThat(response.body()).as(where + " / A's summary must not leak").doesNotContain("Promised to pay");
            if (!(endpoint == Endpoint.CREATE_DEBT && caller == Caller.OTHER_COMPANY)) {
                // in that one cell B itself sends A's reference, and gets its own debt with it
                assertThat(response.body()).as(where + " / A's internal_id must not leak").doesNotContain(f.aRef());
            }
        }

        boolean ownWrite = caller == Caller.OWN && endpoint.writes();
        if (!ownWrite) {
            assertThat(rows("debt", f.a())).as(where + " / A's debts untouched").isEqualTo(aDebtsBefore);
            assertThat(rows("debt_followup", f.a())).as(where + " / A's followups untouched").isEqualTo(aFollowupsBefore);
        }
        assertThat(rows("debt_followup", f.b())).as(where + " / B's followups").isEqualTo(bFollowupsBefore);
        if ((endpoint == Endpoint.CREATE_DEBT || endpoint == Endpoint.BATCH_DEBTS) && caller == Caller.OTHER_COMPANY) {
            assertThat(count("debt", f.b())).as(where + " / B got its own debt").isEqualTo(1);
            String bDebt = endpoint == Endpoint.BATCH_DEBTS ? body.get("data").get("created").get(0).get("debt_id").asString()
                    : body.get("data").get("id").asString();
            assertThat(bDebt).as(where + " / B's debt is another debt").isNotEqualTo(f.aDebt());
        }
        else {
            assertThat(rows("debt", f.b())).as(where + " / B's debts").isEqualTo(bDebtsBefore);
        }
        if (ownWrite) {
            switch (endpoint) {
                case CREATE_DEBT, BATCH_DEBTS -> assertThat(count("debt", f.a())).as(where + " / A's debts").isEqualTo(2);
                case PUT_DEBT, PATCH_DEBT -> assertThat(jdbc.queryForObject("select city from debt where company_id = ?", String.class, f.a()))
                        .as(where + " / stored city").isEqualTo("Lisboa");
                case DELETE_DEBT -> {
                    assertThat(count("debt", f.a())).as(where + " / A's debts").isZero();
                    assertThat(count("debt_followup", f.a())).as(where + " / A's followups went with the debt").isZero();
                }
                case CREATE_FOLLOWUP -> assertThat(count("debt_followup", f.a())).as(where + " / A's followups").isEqualTo(2);
                case PATCH_FOLLOWUP, PUT_FOLLOWUP -> assertThat(jdbc.queryForObject(
                        "select status from debt_followup where company_id = ?", String.class, f.a()))
                        .as(where + " / stored status").isEqualToIgnoringCase("in_progress");
                default -> throw new IllegalStateException(endpoint.name());
            }
        }
    }

    private static void assertSuccess(String where, Endpoint endpoint, Caller caller, Fixture f, JsonNode body) {
        assertThat(body.path("error").isBoolean() && !body.path("error").booleanValue()).as(where + " / error false").isTrue();
        if (endpoint.shape == Shape.LIST) {
            assertThat(body.has("message")).as(where + " / a list has no message, as GetBill's").isFalse();
        }
        else if (endpoint.method.equals("GET")) {
            assertThat(body.path("message").asString()).as(where + " / message of a read, as GetBill's").isEqualTo("Success");
        }
        else {
            assertThat(body.path("message").asString()).as(where + " / message").isNotBlank();
        }
        JsonNode data = body.get("data");
        if (endpoint.shape == Shape.MESSAGE) {
            assertThat(data).as(where + " / no data, as GetBill's delete").isNull();
            assertThat(body.path("message").asString()).as(where + " / message").isEqualTo("Debt deleted successfully");
            return;
        }
        assertThat(data).as(where + " / data").isNotNull();
        switch (endpoint.shape) {
            case CREATED -> {
                assertThat(data.path("id").asString()).as(where + " / new id").isNotBlank()
                        .isNotEqualTo(f.aDebt()).isNotEqualTo(f.aFollowup());
                if (endpoint == Endpoint.CREATE_FOLLOWUP) {
                    assertThat(data.path("debt_id").asString()).as(where + " / debt_id").isEqualTo(f.aDebt());
                }
            }
            case BATCH -> {
                assertThat(data.path("created").size()).as(where + " / created").isEqualTo(1);
                assertThat(data.path("created").get(0).path("debt_id").asString()).as(where + " / new id").isNotEqualTo(f.aDebt());
            }
            case MESSAGE -> throw new IllegalStateException("answered above");
            case ONE -> {
                String expectedId = endpoint.path.startsWith(DEBTS) ? f.aDebt() : f.aFollowup();
                assertThat(data.path("id").asString()).as(where + " / id").isEqualTo(expectedId);
                if (endpoint == Endpoint.PATCH_FOLLOWUP || endpoint == Endpoint.PUT_FOLLOWUP) {
                    assertThat(data.path("status").asString()).as(where + " / status").isEqualTo("in_progress");
                    assertThat(data.path("summary").asString()).as(where + " / summary kept").isEqualTo("Promised to pay on Friday");
                }
            }
            case LIST -> {
                assertThat(data.isArray()).as(where + " / data is an array").isTrue();
                List<String> ids = new ArrayList<>();
                data.forEach(item -> ids.add(item.path("id").asString()));
                String aId = endpoint == Endpoint.LIST_DEBTS || endpoint == Endpoint.LIST_DEBTS_OF_DEBTOR ? f.aDebt() : f.aFollowup();
                if (caller == Caller.OWN) {
                    assertThat(ids).as(where + " / ids").containsExactly(aId);
                    assertThat(body.path("pagination").path("total").asLong()).as(where + " / total").isEqualTo(1);
                }
                else {
                    assertThat(ids).as(where + " / ids").isEmpty();
                    assertThat(body.path("pagination").path("total").asLong()).as(where + " / total").isZero();
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private Fixture fixture() {
        String a = "company-" + UUID.randomUUID();
        String b = "company-" + UUID.randomUUID();
        String ref = "REF-" + UUID.randomUUID();
        ApiResponse debt = api.request("POST", DEBTS).token(tokens.external(a)).json("""
                {"internal_id":"%s","firstname":"Ana","lastname":"Ferreira","email":"ana@example.com",
                 "amount":999.99,"currency":"EUR"}""".formatted(ref)).send();
        assertThat(debt.status()).as("set-up debt: " + debt).isEqualTo(201);
        String debtId = debt.json().get("data").get("id").asString();
        ApiResponse followup = api.request("POST", FOLLOWUPS).token(tokens.external(a)).json("""
                {"debt_id":"%s","type":"call","status":"scheduled","summary":"Promised to pay on Friday",
                 "scheduled_at":"2024-01-25T10:00:00Z"}""".formatted(debtId)).send();
        assertThat(followup.status()).as("set-up followup: " + followup).isEqualTo(201);
        return new Fixture(a, b, ref, debtId, followup.json().get("data").get("id").asString(),
                debt.json().get("data").get("debtor_id").asString());
    }

    private static String fill(String template, Fixture f, String newRef) {
        return template.replace("{debtor}", f.aDebtor()).replace("{debt}", f.aDebt())
                .replace("{followup}", f.aFollowup())
                .replace("{aref}", URLEncoder.encode(f.aRef(), StandardCharsets.UTF_8))
                .replace("{ref}", newRef);
    }

    private static String token(Caller caller, Endpoint endpoint, Fixture f) {
        Map<String, Object> claims = Map.of("company_id", f.a(), "scope", TestTokens.EXTERNAL_SCOPES);
        return switch (caller) {
            case OWN -> tokens.external(f.a());
            case OTHER_COMPANY -> tokens.external(f.b());
            case NO_TOKEN -> null;
            case EXPIRED -> tokens.sign(claims, Duration.ofMinutes(-10));
            case FORGED -> TestTokens.forged(claims);
            case WRONG_SCOPE -> tokens.sign(Map.of("company_id", f.a(), "scope", Arrays.stream(TestTokens.EXTERNAL_SCOPES.split(" "))
                    .filter(scope -> !scope.equals(endpoint.scope)).collect(Collectors.joining(" "))), Duration.ofHours(1));
        };
    }

    private List<String> rows(String table, String company) {
        return jdbc.queryForList("select row_to_json(t)::text from " + table + " t where company_id = ? order by id",
                String.class, company);
    }

    private long count(String table, String company) {
        return jdbc.queryForObject("select count(*) from " + table + " where company_id = ?", Long.class, company);
    }
}
