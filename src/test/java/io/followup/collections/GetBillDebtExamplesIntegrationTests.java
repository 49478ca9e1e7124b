package io.followup.collections;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.DocumentedShape;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Written only from GetBill's documented debt examples (src/test/resources/getbill/debts/*.json, each naming its page;
 * only IDs and times replaced): every example request body is accepted, and every member of every documented answer is
 * in ours with the documented JSON type ({@link DocumentedShape}). A member of the debt object documented as null in any of
 * the examples is nullable ({@link #NULL_IN_SOME_DEBT_EXAMPLE}).
 */
class GetBillDebtExamplesIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEBTS = "/external-api/v1/debts";
    /**
     * Members of GetBill's debt object that one of its debt examples shows null (so nullable on every page, though
     * another page shows a value): create-debt street_address, street_number, postal_code, city, country, summary,
     * payment_link; get-debt plan_start_date; list-debts debtor_company; list-debts-by-debtor address, timeline_id,
     * last_timeline_restart; update-debt iban.
     */
    private static final List<String> NULL_IN_SOME_DEBT_EXAMPLE = List.of("street_address", "street_number", "postal_code", "city",
            "country", "summary", "payment_link", "plan_start_date", "debtor_company", "address", "timeline_id",
            "last_timeline_restart", "iban");
    /** Members of GetBill's debt object that the service computes: a create does not take them. */
    private static final List<String> COMPUTED = List.of("id", "amount_text", "status", "nb_reminders", "nb_answered", "summary",
            "followups_count", "import_date", "last_timeline_restart", "contacts");

    @Test
    void theCreateExampleIsAcceptedAndAnsweredInItsShape() {
        String company = company();
        ApiResponse created = post(company, DEBTS, example("create-debt").get("request"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertSameShape("create-debt", created);
    }

    @Test
    void theGetExampleHasItsShape() {
        String company = company();
        String id = create(company).get("id").asString();

        assertSameShape("get-debt", api.request("GET", DEBTS + "/" + id).token(tokens.external(company)).send());
    }

    @Test
    void theUpdateExampleIsAcceptedAndAnsweredInItsShape() {
        String company = company();
        String id = create(company).get("id").asString();
        JsonNode request = example("update-debt").get("request");
        ApiResponse updated = api.request("PUT", DEBTS + "/" + id).token(tokens.external(company)).json(JSON.writeValueAsString(request)).send();

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertSameShape("update-debt", updated);
        assertThat(updated.json().get("data").get("status").asString()).isEqualTo(request.get("status").asString());
    }

    @Test
    void theDeleteAnswerIsTheDocumentedOneExactly() {
        String company = company();
        String id = create(company).get("id").asString();
        ApiResponse deleted = api.request("DELETE", DEBTS + "/" + id).token(tokens.external(company)).send();

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(example("delete-debt").get("response"));
    }

    @Test
    void theBatchExampleIsAcceptedAndAnsweredInItsShape() {
        String company = company();
        ApiResponse answer = post(company, DEBTS + "/batch", example("batch-create-debts").get("request"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertSameShape("batch-create-debts", answer);
        assertThat(answer.json().get("data").get("created")).hasSize(2);
    }

    @Test
    void theListsHaveTheirShape() {
        String company = company();
        String debtor = create(company).get("debtor_id").asString();
        create(company);

        assertSameShape("list-debts", api.request("GET", DEBTS + "?page=1&limit=50").token(tokens.external(company)).send());
        ApiResponse byDebtor = api.request("GET", DEBTS + "/by-debtor/" + debtor + "?page=1&limit=50").token(tokens.external(company)).send();
        assertSameShape("list-debts-by-debtor", byDebtor);
        assertThat(byDebtor.json().get("data")).as("the two debts of one person").hasSize(2);
    }

    /**
     * A debt made from the get-debt example's object: its members a create takes (the others are the service's to
     * compute), under a fresh internal_id.
     */
    private JsonNode create(String company) {
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) example("get-debt").get("response").get("data").deepCopy();
        body.remove(COMPUTED);
        body.put("internal_id", "DEBT-" + UUID.randomUUID());
        ApiResponse created = post(company, DEBTS, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("data");
    }

    private ApiResponse post(String company, String path, JsonNode body) {
        return api.request("POST", path).token(tokens.external(company)).json(JSON.writeValueAsString(body)).send();
    }

    private static void assertSameShape(String page, ApiResponse ours) {
        JsonNode documented = example(page).get("response");
        assertThat(ours.status()).as(page + ": " + ours).isBetween(200, 201);
        DocumentedShape shape = DocumentedShape.of(documented);
        // The debt object is one object on every page: a member GetBill shows null for one debt may be null for ours.
        String debt = documented.path("data").isArray() ? "data[]." : "data.";
        NULL_IN_SOME_DEBT_EXAMPLE.forEach(member -> shape.nullable(debt + member));
        assertThat(shape.mismatches(ours.json())).as(page + " (" + example(page).get("page").asString()
                + "): members missing or of another type in " + ours.body()).isEmpty();
        if (documented.has("message")) {
            assertThat(ours.json().get("message").asString()).as(page + ": message").isEqualTo(documented.get("message").asString());
        }
        else {
            assertThat(ours.json().has("message")).as(page + ": no message, as documented").isFalse();
        }
    }

    private static JsonNode example(String page) {
        try (InputStream in = GetBillDebtExamplesIntegrationTests.class.getResourceAsStream("/getbill/debts/" + page + ".json")) {
            return JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new IllegalStateException(page, ex);
        }
    }

    private static String company() {
        return "getbill-examples-" + UUID.randomUUID();
    }
}
