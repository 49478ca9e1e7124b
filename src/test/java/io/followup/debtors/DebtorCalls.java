package io.followup.debtors;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the debtor suites make: debts created through the API (asserted 201), and the debtor endpoints. */
final class DebtorCalls {

    static final String DEBTS = "/external-api/v1/debts";
    static final String DEBTORS = "/external-api/v1/debtors";

    private final ApiClient api;
    private final TestTokens tokens;

    DebtorCalls(ApiClient api, TestTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** A debt in GetBill's shape for this person; the {@code data} of the answer. */
    JsonNode debt(String company, String phone, String email, String amount, String currency) {
        String body = """
                {"firstname":"John","lastname":"Doe","phone":%s,"email":%s,"amount":%s,"currency":"%s"}"""
                .formatted(quoted(phone), quoted(email), amount, currency);
        ApiResponse created = api.request("POST", DEBTS).token(tokens.external(company)).json(body).send();
        assertThat(created.status()).as("set-up debt: " + created).isEqualTo(201);
        return created.json().get("data");
    }

    /** The debtor ID of a new debt of this person. */
    String debtorOf(String company, String phone, String email) {
        return debt(company, phone, email, "100.00", "EUR").get("debtor_id").asString();
    }

    ApiResponse list(String company, String query) {
        return api.request("GET", DEBTORS + query).token(tokens.external(company)).send();
    }

    ApiResponse get(String company, String id) {
        return api.request("GET", DEBTORS + "/" + id).token(tokens.external(company)).send();
    }

    ApiResponse update(String method, String company, String id, String body) {
        return api.request(method, DEBTORS + "/" + id).token(tokens.external(company)).json(body).send();
    }

    /** Marks a debt paid in SQL (a debt's status is not this suite's to set through the API). */
    static void markPaid(JdbcTemplate jdbc, PublicIds ids, JsonNode debt) {
        long id = ids.decode(IdType.DEBT, debt.get("id").asString()).orElseThrow();
        assertThat(jdbc.update("UPDATE debt SET status = 'paid' WHERE id = ?", id)).isEqualTo(1);
    }

    static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
