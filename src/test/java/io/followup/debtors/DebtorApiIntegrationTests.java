package io.followup.debtors;

import java.time.Duration;
import java.util.UUID;

import io.followup.ids.PublicIds;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debtor endpoints in GetBill's shapes (https://docs.getbill.io/api-reference/debtors/list-debtors, get-debtor,
 * update-debtor), with debts made through POST /debts: the list, the totals of debts of two currencies and a paid one, the
 * update, and matching that follows the update.
 */
class DebtorApiIntegrationTests extends IntegrationTest {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @Autowired
    private PublicIds ids;

    private DebtorCalls calls;
    private final String company = "debtors-" + UUID.randomUUID();

    @BeforeEach
    void calls() {
        calls = new DebtorCalls(api, tokens);
    }

    @Test
    void theListHasTheCompanysDebtorsNewestFirstInGetBillsShape() {
        String john = calls.debtorOf(company, "+33612345678", "john.doe@example.com");
        calls.debtorOf(company, "+33 6 12 34 56 78", null);
        String jane = calls.debtorOf(company, null, "jane.smith@example.com");
        calls.debtorOf("debtors-" + UUID.randomUUID(), "+33612345678", null);

        ApiResponse page = calls.list(company, "");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(body.propertyNames()).containsExactly("error", "data", "pagination");
        assertThat(body.get("error").booleanValue()).isFalse();
        assertThat(body.get("data").size()).isEqualTo(2);
        assertThat(body.get("data").get(0).get("id").asString()).isEqualTo(jane);
        JsonNode first = body.get("data").get(1);
        assertThat(first.propertyNames()).containsExactly("id", "firstName", "lastName", "email", "phone", "address", "dateOfBirth",
                "firstSeenAt", "lastSeenAt", "lastUpdatedAt");
        assertThat(first.get("id").asString()).isEqualTo(john);
        assertThat(first.get("firstName").asString()).isEqualTo("John");
        assertThat(first.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(first.get("address").isNull()).isTrue();
        assertThat(first.get("firstSeenAt").asString()).matches(TIME);
        assertThat(first.get("lastUpdatedAt").asString()).matches(TIME);
        assertThat(body.get("pagination").get("total").asLong()).isEqualTo(2);

        JsonNode second = calls.list(company, "?page=2&limit=1").json();
        assertThat(second.get("data").get(0).get("id").asString()).isEqualTo(john);
        assertThat(second.get("pagination").get("pages").asInt()).isEqualTo(2);
        assertThat(second.get("pagination").get("limit").asInt()).isEqualTo(1);
        assertThat(calls.list(company, "?page=3&limit=1").json().get("data").size()).isZero();
    }

    @Test
    void theTotalsAreThoseOfTheMainCurrencyWithEveryCurrencyBeside() {
        JsonNode eur = calls.debt(company, "+33612345678", null, "1000.00", "EUR");
        JsonNode paid = calls.debt(company, "+33612345678", null, "500.50", "EUR");
        calls.debt(company, "+33612345678", null, "300.00", "USD");
        DebtorCalls.markPaid(jdbc, ids, paid);

        ApiResponse read = calls.get(company, eur.get("debtor_id").asString());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("message").asString()).isEqualTo("Success");
        JsonNode debtor = read.json().get("data").get("data");
        assertThat(debtor.get("totalDebtAmount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(debtor.get("totalPaidAmount").decimalValue()).isEqualByComparingTo("500.50");
        assertThat(debtor.get("currency").asString()).isEqualTo("EUR");
        assertThat(debtor.get("debtsCount").asLong()).isEqualTo(3);
        assertThat(debtor.get("averageRepaymentScore").asInt()).as("one debt of three paid").isEqualTo(33);
        JsonNode byCurrency = debtor.get("totalsByCurrency");
        assertThat(byCurrency.size()).isEqualTo(2);
        assertThat(byCurrency.get(1).get("currency").asString()).isEqualTo("USD");
        assertThat(byCurrency.get(1).get("totalDebtAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(byCurrency.get(1).get("totalPaidAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(byCurrency.get(1).get("debtsCount").asLong()).isEqualTo(1);
    }

    @Test
    void onATieTheNewestDebtsCurrencyIsTheMainOne() {
        calls.debt(company, "+33612345678", null, "10.00", "EUR");
        String debtor = calls.debt(company, "+33612345678", null, "20.00", "BRL").get("debtor_id").asString();

        JsonNode read = calls.get(company, debtor).json().get("data").get("data");

        assertThat(read.get("currency").asString()).isEqualTo("BRL");
        assertThat(read.get("totalDebtAmount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(read.get("averageRepaymentScore").asInt()).isZero();
    }

    @Test
    void anUpdateChangesTheDebtorOnlyAndAnswersInGetBillsNesting() {
        JsonNode debt = calls.debt(company, "+33612345678", "john.doe@example.com", "250.00", "EUR");
        String id = debt.get("debtor_id").asString();
        String before = calls.get(company, id).json().at("/data/data/lastUpdatedAt").asString();
        clock.advance(Duration.ofMinutes(5));

        ApiResponse updated = calls.update("PUT", company, id, """
                {"email":"john.newemail@example.com","phone":"+33 6 99 99 99 99","address":"456 New Street, 75002 Paris, France"}""");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("message").asString()).isEqualTo("Success");
        assertThat(updated.json().get("data").get("message").asString()).isEqualTo("Debtor updated successfully");
        JsonNode debtor = updated.json().get("data").get("data");
        assertThat(debtor.get("email").asString()).isEqualTo("john.newemail@example.com");
        assertThat(debtor.get("phone").asString()).as("E.164").isEqualTo("+33699999999");
        assertThat(debtor.get("address").asString()).isEqualTo("456 New Street, 75002 Paris, France");
        assertThat(debtor.get("firstName").asString()).as("left out: kept").isEqualTo("John");
        assertThat(debtor.get("debtsCount").asLong()).isEqualTo(1);
        assertThat(debtor.get("lastUpdatedAt").asString()).matches(TIME).isNotEqualTo(before);

        ApiResponse patched = calls.update("PATCH", company, id, """
                {"firstName":"  Johnny ","dateOfBirth":"1985-03-15"}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode read = calls.get(company, id).json().at("/data/data");
        assertThat(read.get("firstName").asString()).isEqualTo("Johnny");
        assertThat(read.get("dateOfBirth").asString()).isEqualTo("1985-03-15");
        assertThat(read.get("email").asString()).isEqualTo("john.newemail@example.com");

        JsonNode theDebt = api.request("GET", DebtorCalls.DEBTS + "/" + debt.get("id").asString()).token(tokens.external(company)).send()
                .json().get("data");
        assertThat(theDebt.get("phone").asString()).as("the debt keeps what it was created with").isEqualTo("+33612345678");
        assertThat(theDebt.get("email").asString()).isEqualTo("john.doe@example.com");
        assertThat(theDebt.get("firstname").asString()).isEqualTo("John");
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        String id = calls.debtorOf(company, "+33612345678", null);
        JsonNode before = calls.get(company, id).json().at("/data/data");
        clock.advance(Duration.ofMinutes(1));

        ApiResponse updated = calls.update("PUT", company, id, "{}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/data/data")).isEqualTo(before);
    }

    @Test
    void laterDebtsAreMatchedAgainstTheUpdatedContacts() {
        String id = calls.debtorOf(company, "+33612345678", "old@example.com");
        assertThat(calls.update("PUT", company, id, """
                {"phone":"+33699999999","email":"new@example.com"}""").status()).isEqualTo(200);

        assertThat(calls.debtorOf(company, "+33699999999", null)).as("the new phone").isEqualTo(id);
        assertThat(calls.debtorOf(company, null, "NEW@example.com")).as("the new email").isEqualTo(id);
        String oldPhone = calls.debtorOf(company, "+33612345678", null);
        assertThat(oldPhone).as("the old phone is no one's now").isNotEqualTo(id);
        assertThat(calls.debtorOf(company, null, "old@example.com")).as("nor the old email").isNotEqualTo(id);

        JsonNode debtor = calls.get(company, id).json().at("/data/data");
        assertThat(debtor.get("debtsCount").asLong()).isEqualTo(3);
        assertThat(calls.list(company, "").json().get("pagination").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aNewDebtMovesLastSeenAtAndLastUpdatedAtOnlyWhenItAddsADetail() {
        String id = calls.debtorOf(company, "+33612345678", null);
        JsonNode first = calls.get(company, id).json().at("/data/data");
        clock.advance(Duration.ofMinutes(2));
        calls.debtorOf(company, "+33612345678", "john.doe@example.com");
        JsonNode gained = calls.get(company, id).json().at("/data/data");
        clock.advance(Duration.ofMinutes(2));
        calls.debtorOf(company, "+33612345678", "john.doe@example.com");
        JsonNode same = calls.get(company, id).json().at("/data/data");

        assertThat(gained.get("email").asString()).isEqualTo("john.doe@example.com");
        assertThat(gained.get("lastUpdatedAt").asString()).isGreaterThan(first.get("lastUpdatedAt").asString());
        assertThat(gained.get("lastSeenAt").asString()).isGreaterThan(first.get("lastSeenAt").asString());
        assertThat(same.get("lastUpdatedAt").asString()).as("nothing new").isEqualTo(gained.get("lastUpdatedAt").asString());
        assertThat(same.get("lastSeenAt").asString()).isGreaterThan(gained.get("lastSeenAt").asString());
        assertThat(same.get("firstSeenAt").asString()).isEqualTo(first.get("firstSeenAt").asString());
    }

    /** A debtor whose debts were all deleted stays, with nothing to add up. */
    @Test
    void aDebtorWithoutDebtsHasZeroTotalsAndNoScore() {
        long id = jdbc.queryForObject("""
                INSERT INTO debtor (company_id, first_name, last_name, email, first_seen_at, last_seen_at, updated_at)
                VALUES (?, 'Ana', 'Lima', 'ana@example.com', now(), now(), now()) RETURNING id""", Long.class, company);

        ApiResponse read = calls.get(company, ids.encode(io.followup.ids.IdType.DEBTOR, id));

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode debtor = read.json().at("/data/data");
        assertThat(debtor.get("debtsCount").asLong()).isZero();
        assertThat(debtor.get("totalDebtAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(debtor.get("totalPaidAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(debtor.get("averageRepaymentScore").isNull()).isTrue();
        assertThat(debtor.get("currency").isNull()).isTrue();
        assertThat(debtor.get("totalsByCurrency").isEmpty()).isTrue();
    }

    /** Swagger UI's "Try it out" sends the document's example bodies: the service accepts them. */
    @Test
    void theDocumentsUpdateExamplesAreAccepted() {
        JsonNode operations = api.request("GET", "/v3/api-docs").send().json().at("/paths/~1external-api~1v1~1debtors~1{id}");
        String id = calls.debtorOf(company, "+33612345678", null);

        for (String method : new String[] {"put", "patch"}) {
            JsonNode example = operations.at("/" + method + "/requestBody/content/application~1json/example");
            assertThat(example.isObject()).as(method + " example").isTrue();
            ApiResponse updated = calls.update(method.toUpperCase(), company, id, example.toString());
            assertThat(updated.status()).as(method + " " + updated).isEqualTo(200);
            assertThat(operations.at("/" + method + "/responses/200/content/application~1json/example/data/message").asString())
                    .isEqualTo(updated.json().at("/data/message").asString());
        }
    }
}
