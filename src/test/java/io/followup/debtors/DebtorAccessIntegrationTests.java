package io.followup.debtors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every debtor endpoint against every kind of caller: debtors:read for the reads, debtors:write for the updates, the
 * debts and followups scopes are not enough, and another company's debtor is 404 (its list has none of A's). A refused
 * call changes no debtor.
 */
class DebtorAccessIntegrationTests extends IntegrationTest {

    enum Caller { OWN, OTHER_COMPANY, NO_TOKEN, EXPIRED, FORGED, WITHOUT_THE_SCOPE, DEBTS_AND_FOLLOWUPS_SCOPES, THE_OTHER_DEBTORS_SCOPE }

    enum Endpoint {
        LIST("GET", "", "debtors:read", 200, 200),
        GET("GET", "/{id}", "debtors:read", 200, 404),
        PUT("PUT", "/{id}", "debtors:write", 200, 404),
        PATCH("PATCH", "/{id}", "debtors:write", 200, 404);

        final String method;
        final String path;
        final String scope;
        final int own;
        final int other;

        Endpoint(String method, String path, String scope, int own, int other) {
            this.method = method;
            this.path = path;
            this.scope = scope;
            this.own = own;
            this.other = other;
        }
    }

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint, caller));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void answersAsTheCallerMayBeAnswered(Endpoint endpoint, Caller caller) {
        String a = "debtor-access-" + UUID.randomUUID();
        String b = "debtor-access-" + UUID.randomUUID();
        DebtorCalls calls = new DebtorCalls(api, tokens);
        String debtor = calls.debtorOf(a, "+33612345678", "ana@example.com");
        calls.debtorOf(b, "+33698765432", null);
        String before = rows(a);

        var request = api.request(endpoint.method, DebtorCalls.DEBTORS + endpoint.path.replace("{id}", debtor));
        String token = token(caller, endpoint, a, b);
        if (token != null) {
            request.token(token);
        }
        if (!endpoint.method.equals("GET")) {
            request.json("{\"firstName\":\"Ana\",\"email\":\"ana.new@example.com\"}");
        }
        ApiResponse response = request.send();

        int expected = switch (caller) {
            case OWN -> endpoint.own;
            case OTHER_COMPANY -> endpoint.other;
            case NO_TOKEN, EXPIRED, FORGED -> 401;
            case WITHOUT_THE_SCOPE, DEBTS_AND_FOLLOWUPS_SCOPES, THE_OTHER_DEBTORS_SCOPE -> 403;
        };
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        JsonNode body = response.json();
        assertThat(body.get("error").booleanValue()).as(response.toString()).isEqualTo(expected >= 400);
        if (expected == 403) {
            assertThat(body.get("message").asString()).isEqualTo("Required scope \"" + endpoint.scope + "\" not found in token");
        }
        if (expected == 404) {
            assertThat(body.get("message").asString()).isEqualTo("Debtor not found");
        }
        if (endpoint == Endpoint.LIST && expected == 200) {
            long total = body.get("pagination").get("total").asLong();
            assertThat(total).as("each company sees its own debtor only").isEqualTo(1);
            boolean seesA = body.get("data").get(0).get("id").asString().equals(debtor);
            assertThat(seesA).isEqualTo(caller == Caller.OWN);
        }
        boolean wrote = caller == Caller.OWN && !endpoint.method.equals("GET");
        assertThat(!rows(a).equals(before)).as("A's debtor changed").isEqualTo(wrote);
    }

    private static String token(Caller caller, Endpoint endpoint, String a, String b) {
        Map<String, Object> claims = Map.of("company_id", a, "scope", TestTokens.EXTERNAL_SCOPES);
        return switch (caller) {
            case OWN -> tokens.external(a);
            case OTHER_COMPANY -> tokens.external(b);
            case NO_TOKEN -> null;
            case EXPIRED -> tokens.sign(claims, Duration.ofMinutes(-10));
            case FORGED -> TestTokens.forged(claims);
            case WITHOUT_THE_SCOPE -> scopes(a, Arrays.stream(TestTokens.EXTERNAL_SCOPES.split(" "))
                    .filter(scope -> !scope.equals(endpoint.scope)).collect(Collectors.joining(" ")));
            case DEBTS_AND_FOLLOWUPS_SCOPES -> scopes(a, "debts:read debts:write followups:read followups:write");
            case THE_OTHER_DEBTORS_SCOPE -> scopes(a, endpoint.scope.equals("debtors:read") ? "debtors:write" : "debtors:read");
        };
    }

    private static String scopes(String company, String scopes) {
        return tokens.sign(Map.of("company_id", company, "scope", scopes), Duration.ofHours(1));
    }

    private String rows(String company) {
        return jdbc.queryForObject("SELECT md5(string_agg(row_to_json(r)::text, ',' ORDER BY id)) FROM debtor r WHERE company_id = ?",
                String.class, company);
    }
}
