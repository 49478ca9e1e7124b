package io.followup.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to the debt endpoints beyond create (whose cases are in {@link ExternalBadInputIntegrationTests}):
 * PUT/PATCH, DELETE, the batch, the lists' filters and by-debtor, with wrong types, bad enums, bad E.164, ISO 4217, IBAN
 * and dates, oversize texts, a 1,001-row batch, foreign and tampered IDs. Each answers the error envelope naming the
 * field (or 404 for an ID), and writes nothing: the debts, debtors, follow-ups and imports of both companies are unchanged.
 */
class DebtBadInputIntegrationTests extends IntegrationTest {

    private static final String DEBTS = ExternalApiFixtures.DEBTS;
    private static final String ONE = DEBTS + "/{debt}";

    /** One bad request; {debt}, {otherDebt}, {tamperedDebt}, {debtor}, {otherDebtor} are filled in. {@code field} null: no details expected. */
    record Case(String name, String method, String path, String body, int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String method : List.of("PUT", "PATCH")) {
            cases.add(update(method, "status pending (not settable)", "{\"status\":\"status.default.pending\"}", 400, "status"));
            cases.add(update(method, "status active", "{\"status\":\"active\"}", 400, "status"));
            cases.add(update(method, "status is a number", "{\"status\":3}", 400, "status"));
        }
        cases.add(update("PUT", "civility Dr", "{\"civility\":\"Dr\"}", 400, "civility"));
        cases.add(update("PUT", "timeline_start_mode later", "{\"timeline_start_mode\":\"later\"}", 400, "timeline_start_mode"));
        cases.add(update("PUT", "phone not E.164", "{\"phone\":\"12\"}", 400, "phone"));
        cases.add(update("PUT", "phone is an object", "{\"phone\":{\"number\":\"+33123456789\"}}", 400, "phone"));
        cases.add(update("PUT", "phone premium-rate", "{\"phone\":\"+33899123456\"}", 422, "phone"));
        cases.add(update("PUT", "currency EURO", "{\"currency\":\"EURO\"}", 400, "currency"));
        cases.add(update("PUT", "amount 0", "{\"amount\":0}", 400, "amount"));
        cases.add(update("PUT", "amount -1", "{\"amount\":-1}", 400, "amount"));
        cases.add(update("PUT", "amount with 3 decimals", "{\"amount\":1.005}", 400, "amount"));
        cases.add(update("PUT", "amount is text", "{\"amount\":\"ten\"}", 400, "amount"));
        cases.add(update("PUT", "iban with wrong check digits", "{\"iban\":\"FR1520041010050500013M02606\"}", 400, "iban"));
        cases.add(update("PUT", "birthdate 1985-02-30", "{\"birthdate\":\"1985-02-30\"}", 400, "birthdate"));
        cases.add(update("PUT", "due_date is a number", "{\"due_date\":20240101}", 400, "due_date"));
        cases.add(update("PUT", "object of 501 characters", "{\"object\":\"" + "o".repeat(501) + "\"}", 400, "object"));
        cases.add(update("PUT", "payment_link not http", "{\"payment_link\":\"javascript:alert(1)\"}", 400, "payment_link"));
        cases.add(update("PUT", "metadata is a list", "{\"metadata\":[1,2]}", 400, "metadata"));
        cases.add(update("PUT", "unknown field", "{\"external_reference\":\"X\"}", 400, "external_reference"));
        cases.add(update("PUT", "a valid field next to a bad one", "{\"city\":\"Paris\",\"status\":\"done\"}", 400, "status"));
        cases.add(update("PUT", "broken JSON", "{\"city\":", 400, "body"));
        cases.add(new Case("PUT another company's debt", "PUT", DEBTS + "/{otherDebt}", "{\"city\":\"Paris\"}", 404, null));
        cases.add(new Case("PUT a tampered ID", "PUT", DEBTS + "/{tamperedDebt}", "{\"city\":\"Paris\"}", 404, null));
        cases.add(new Case("PATCH a debtor ID as a debt ID", "PATCH", DEBTS + "/{debtor}", "{\"city\":\"Paris\"}", 404, null));
        cases.add(new Case("DELETE another company's debt", "DELETE", DEBTS + "/{otherDebt}", null, 404, null));
        cases.add(new Case("DELETE a tampered ID", "DELETE", DEBTS + "/{tamperedDebt}", null, 404, null));
        cases.add(new Case("DELETE garbage", "DELETE", DEBTS + "/abc123def456", null, 404, null));

        cases.add(batch("no debts", "{\"batch_name\":\"x\"}", "debts"));
        cases.add(batch("debts empty", "{\"debts\":[]}", "debts"));
        cases.add(batch("debts is an object", "{\"debts\":{\"firstname\":\"A\"}}", "debts"));
        cases.add(batch("1,001 debts", "{\"debts\":[" + String.join(",", java.util.Collections.nCopies(1001,
                "{\"firstname\":\"A\",\"lastname\":\"B\",\"email\":\"a@b.co\",\"amount\":1,\"currency\":\"EUR\"}")) + "]}", "debts"));
        cases.add(batch("batch_name of 201 characters", "{\"batch_name\":\"" + "n".repeat(201) + "\",\"debts\":[" + GOOD + "]}", "batch_name"));
        cases.add(batch("batch_name is a number", "{\"batch_name\":7,\"debts\":[" + GOOD + "]}", "batch_name"));
        cases.add(batch("accept_expensive_destination \"yes\"", "{\"accept_expensive_destination\":\"yes\",\"debts\":[" + GOOD + "]}",
                "accept_expensive_destination"));
        cases.add(batch("unknown top-level field", "{\"debts\":[" + GOOD + "],\"dry_run\":true}", "dry_run"));
        cases.add(batch("a JSON array", "[" + GOOD + "]", "body"));

        cases.add(list("status active", "?status=active", "status"));
        cases.add(list("currency EURO", "?currency=EURO", "currency"));
        cases.add(list("currency 123", "?currency=123", "currency"));
        cases.add(list("min_amount -1", "?min_amount=-1", "min_amount"));
        cases.add(list("max_amount abc", "?max_amount=abc", "max_amount"));
        cases.add(list("max_amount below min_amount", "?min_amount=10&max_amount=5", "max_amount"));
        cases.add(list("created_after 2024-13-01", "?created_after=2024-13-01", "created_after"));
        cases.add(list("created_before yesterday", "?created_before=yesterday", "created_before"));
        cases.add(list("created_before before created_after", "?created_after=2024-02-02&created_before=2024-02-01", "created_before"));
        cases.add(list("search of 101 characters", "?search=" + "s".repeat(101), "search"));
        cases.add(list("GetBill's creditor filter is not taken here", "?creditor_id=abc", "creditor_id"));
        cases.add(new Case("GET by-debtor: another company's debtor", "GET", DEBTS + "/by-debtor/{otherDebtor}", null, 404, null));
        cases.add(new Case("GET by-debtor: a debt ID", "GET", DEBTS + "/by-debtor/{debt}", null, 404, null));
        cases.add(new Case("GET by-debtor: bad filter", "GET", DEBTS + "/by-debtor/{debtor}?currency=EURO", null, 400, "currency"));
        return cases.stream();
    }

    private static final String GOOD = "{\"firstname\":\"A\",\"lastname\":\"B\",\"email\":\"a@b.co\",\"amount\":1,\"currency\":\"EUR\"}";

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void refusesAndWritesNothing(Case c) {
        String company = "debt-bad-" + UUID.randomUUID();
        String other = "debt-bad-" + UUID.randomUUID();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-" + UUID.randomUUID());
        JsonNode otherDebt = ExternalApiFixtures.createDebt(api, other, "INV-" + UUID.randomUUID());
        ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + debt.get("id").asString() + "\",\"type\":\"call\"}");
        String debtId = debt.get("id").asString();
        Map<String, String> values = Map.of("{debt}", debtId, "{otherDebt}", otherDebt.get("id").asString(),
                "{tamperedDebt}", ExternalApiIntegrationTests.tamper(debtId, debtId.length() / 2),
                "{debtor}", debt.get("debtor_id").asString(), "{otherDebtor}", otherDebt.get("debtor_id").asString());
        String path = fill(c.path(), values);
        List<String> before = state(company, other);

        var request = api.request(c.method(), path).token(tokens.external(company));
        if (c.body() != null) {
            request.json(c.body());
        }
        ApiResponse response = request.send();

        String where = c.name() + ": " + response.status() + " " + abbreviate(response.body());
        assertThat(response.status()).as(where).isEqualTo(c.status());
        JsonNode body = response.json();
        assertThat(body.path("error").booleanValue()).as(where).isTrue();
        assertThat(body.path("code").asInt()).as(where).isEqualTo(c.status());
        assertThat(body.path("message").asString()).as(where).isNotBlank();
        if (c.field() != null) {
            assertThat(body.path("details").path(c.field()).asString()).as(where + " / details." + c.field()).isNotBlank();
        }
        if (c.status() == 404) {
            assertThat(body.path("message").asString()).as(where).isIn("Debt not found", "Debtor not found");
        }
        assertThat(state(company, other)).as(c.name() + ": nothing written").isEqualTo(before);
    }

    private List<String> state(String company, String other) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("debt", "debtor", "debt_followup", "debt_import")) {
            for (String owner : List.of(company, other)) {
                rows.addAll(jdbc.queryForList("select row_to_json(t)::text from " + table + " t where company_id = ? order by id",
                        String.class, owner));
            }
        }
        return rows;
    }

    private static Case update(String method, String name, String body, int status, String field) {
        return new Case(method + " /debts/{id}: " + name, method, ONE, body, status, field);
    }

    private static Case batch(String name, String body, String field) {
        return new Case("POST /debts/batch: " + name, "POST", DEBTS + "/batch", body, 400, field);
    }

    private static Case list(String name, String query, String field) {
        return new Case("GET /debts: " + name, "GET", DEBTS + query, null, 400, field);
    }

    private static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    private static String abbreviate(String text) {
        return text == null ? "<no body>" : text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
