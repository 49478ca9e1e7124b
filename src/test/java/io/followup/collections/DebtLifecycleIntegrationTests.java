package io.followup.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A debt after its creation, as GetBill's pages describe it: update-debt (https://docs.getbill.io/api-reference/debts/update-debt),
 * delete-debt (https://docs.getbill.io/api-reference/debts/delete-debt), the list's filters
 * (https://docs.getbill.io/api-reference/debts/list-debts-by-creditor) and list-debts-by-debtor.
 */
class DebtLifecycleIntegrationTests extends IntegrationTest {

    private static final String DEBTS = ExternalApiFixtures.DEBTS;

    @Test
    void anUpdateChangesWhatIsGivenAndKeepsTheRest() {
        String company = company();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-U1");
        ApiResponse updated = send(company, "PUT", debt, """
                {"email":"john.doe@newmail.com","phone":"+33987654321","amount":1250.00,"status":"status.default.paid",
                 "street_address":"123 Main Street","city":"Paris","metadata":{"crm_id":"CRM-9"}}""");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("message").asString()).isEqualTo("Debt updated successfully");
        JsonNode data = updated.json().get("data");
        assertThat(data.get("email").asString()).isEqualTo("john.doe@newmail.com");
        assertThat(data.get("phone").asString()).isEqualTo("+33987654321");
        assertThat(data.get("status").asString()).isEqualTo("status.default.paid");
        assertThat(data.get("firstname").asString()).as("kept").isEqualTo("Maria");
        assertThat(data.get("internal_id").asString()).as("kept").isEqualTo("INV-U1");
        assertThat(data.get("currency").asString()).as("kept").isEqualTo("BRL");
        assertThat(data.get("debtor_id").asString()).as("the debt keeps its debtor").isEqualTo(debt.get("debtor_id").asString());

        ApiResponse patched = send(company, "PATCH", debt, "{\"status\":\"archived\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("data").get("status").asString()).isEqualTo("status.default.archived");
        assertThat(patched.json().get("data").get("email").asString()).isEqualTo("john.doe@newmail.com");
    }

    @Test
    void anUpdateKeepsTheRulesOfCreate() {
        String company = company();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-R1");
        ExternalApiFixtures.createDebt(api, company, "INV-R2");

        ApiResponse pending = send(company, "PUT", debt, "{\"status\":\"status.default.pending\"}");
        ApiResponse taken = send(company, "PUT", debt, "{\"internal_id\":\"INV-R2\"}");
        ApiResponse expensive = send(company, "PUT", debt, "{\"phone\":\"+33899123456\"}");
        ApiResponse badAmount = send(company, "PUT", debt, "{\"amount\":-5,\"currency\":\"XYZ\"}");
        ApiResponse same = send(company, "PUT", debt, "{\"internal_id\":\"INV-R1\"}");

        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.json().get("details").get("status").asString()).isEqualTo(DebtStatus.INVALID);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("details").has("internal_id")).isTrue();
        assertThat(expensive.status()).isEqualTo(422);
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.json().get("details").has("amount")).isTrue();
        assertThat(badAmount.json().get("details").has("currency")).isTrue();
        assertThat(same.status()).as("its own internal_id is not taken").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status || phone || amount FROM debt WHERE internal_id = 'INV-R1' AND company_id = ?",
                String.class, company)).isEqualTo("pending+55119999988881500.00");
    }

    @Test
    void concurrentUpdatesNeverLoseOneSilently() throws Exception {
        String company = company();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-C1");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiResponse>> updates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"object\":\"writer " + i + "\",\"city\":\"city " + i + "\"}";
            updates.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return send(company, "PUT", debt, body);
            }));
        }
        start.countDown();
        List<String> won = new ArrayList<>();
        for (CompletableFuture<ApiResponse> update : updates) {
            ApiResponse answer = update.get();
            assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
            if (answer.status() == 200) {
                won.add(answer.json().get("data").get("object").asString());
            }
        }
        assertThat(won).isNotEmpty();
        String stored = jdbc.queryForObject("SELECT object || '/' || city FROM debt WHERE internal_id = 'INV-C1' AND company_id = ?",
                String.class, company);
        String writer = stored.substring(stored.indexOf(' ') + 1, stored.indexOf('/'));
        assertThat(stored).as("one writer's whole row, never a mix").isEqualTo("writer " + writer + "/city " + writer);
        assertThat(won).contains(stored.substring(0, stored.indexOf('/')));
    }

    @Test
    void aDeleteRemovesTheDebtAndItsFollowupsOnly() {
        String company = company();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-D1");
        String other = ExternalApiFixtures.createDebt(api, company);
        ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + debt.get("id").asString() + "\",\"type\":\"call\"}");
        ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + debt.get("id").asString() + "\",\"type\":\"sms\"}");
        ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + other + "\",\"type\":\"sms\"}");

        ApiResponse foreign = api.request("DELETE", DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company())).send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("message").asString()).isEqualTo("Debt not found");

        ApiResponse deleted = api.request("DELETE", DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("error").booleanValue()).isFalse();
        assertThat(deleted.json().get("message").asString()).isEqualTo("Debt deleted successfully");
        assertThat(deleted.json().has("data")).isFalse();
        assertThat(count("SELECT count(*) FROM debt WHERE company_id = ?", company)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM debt_followup WHERE company_id = ?", company)).isEqualTo(1);

        ApiResponse again = api.request("DELETE", DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).send();
        ApiResponse read = api.request("GET", DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).send();
        assertThat(again.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
    }

    @Test
    void theListTakesGetBillsFilters() {
        String company = company();
        create(company, "DEBT-2024-001", "1250.00", "EUR");
        create(company, "DEBT-2024-002", "750.50", "EUR");
        create(company, "OTHER-9", "99.99", "USD");
        JsonNode paid = create(company, "DEBT-2024-003", "5000", "EUR");
        send(company, "PUT", paid, "{\"status\":\"paid\"}");

        assertThat(internalIds(company, "currency=eur")).containsExactly("DEBT-2024-003", "DEBT-2024-002", "DEBT-2024-001");
        assertThat(internalIds(company, "min_amount=750.50&max_amount=1250")).containsExactly("DEBT-2024-002", "DEBT-2024-001");
        assertThat(internalIds(company, "status=status.default.paid")).containsExactly("DEBT-2024-003");
        assertThat(internalIds(company, "status=pending&currency=USD")).containsExactly("OTHER-9");
        assertThat(internalIds(company, "search=debt-2024")).hasSize(3);
        assertThat(internalIds(company, "search=750")).containsExactly("DEBT-2024-002");
        assertThat(internalIds(company, "search=%25")).as("a LIKE wildcard is a plain character").isEmpty();
        assertThat(internalIds(company, "internal_id=OTHER-9")).containsExactly("OTHER-9");
        // The service's clock, not this machine's: other tests may have moved it.
        String today = paid.get("import_date").asString().substring(0, 10);
        assertThat(internalIds(company, "created_after=" + today + "&created_before=" + today)).hasSize(4);
        String dayBefore = java.time.LocalDate.parse(today).minusDays(1).toString();
        assertThat(internalIds(company, "created_before=" + dayBefore)).isEmpty();
        assertThat(internalIds(company, "created_after=" + enc(dayBefore + "T00:00:00Z"))).hasSize(4);

        ApiResponse bad = api.request("GET", DEBTS + "?status=active&min_amount=-1&created_after=2024-13-01&currency=EURO")
                .token(tokens.external(company)).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").propertyNames()).contains("status", "min_amount", "created_after", "currency");
    }

    @Test
    void aDebtorsDebtsAreListedAndAForeignDebtorIsNotFound() {
        String company = company();
        JsonNode first = create(company, "DEB-A", "10", "EUR");
        JsonNode second = create(company, "DEB-B", "20", "EUR");
        String debtor = first.get("debtor_id").asString();
        assertThat(second.get("debtor_id").asString()).as("same phone, same debtor").isEqualTo(debtor);
        ExternalApiFixtures.createDebt(api, company(), "DEB-ELSEWHERE");

        ApiResponse listed = api.request("GET", DEBTS + "/by-debtor/" + debtor + "?min_amount=15").token(tokens.external(company)).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().has("message")).isFalse();
        assertThat(listed.json().get("data").get(0).get("internal_id").asString()).isEqualTo("DEB-B");
        assertThat(listed.json().get("pagination").get("total").asLong()).isEqualTo(1);

        ApiResponse foreign = api.request("GET", DEBTS + "/by-debtor/" + debtor).token(tokens.external(company())).send();
        ApiResponse debtId = api.request("GET", DEBTS + "/by-debtor/" + first.get("id").asString()).token(tokens.external(company)).send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("message").asString()).isEqualTo("Debtor not found");
        assertThat(debtId.status()).as("a debt ID is not a debtor ID").isEqualTo(404);
    }

    private JsonNode create(String company, String internalId, String amount, String currency) {
        ApiResponse created = api.request("POST", DEBTS).token(tokens.external(company)).json("""
                {"firstname":"John","lastname":"Doe","phone":"+33123456789","internal_id":"%s","amount":%s,"currency":"%s"}"""
                .formatted(internalId, amount, currency)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("data");
    }

    private List<String> internalIds(String company, String query) {
        ApiResponse listed = api.request("GET", DEBTS + "?" + query).token(tokens.external(company)).send();
        assertThat(listed.status()).as(query + ": " + listed).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.json().get("data").forEach(debt -> ids.add(debt.get("internal_id").asString()));
        return ids;
    }

    private ApiResponse send(String company, String method, JsonNode debt, String body) {
        return api.request(method, DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).json(body).send();
    }

    private long count(String sql, String company) {
        return jdbc.queryForObject(sql, Long.class, company);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String company() {
        return "debt-life-" + UUID.randomUUID();
    }
}
