package io.followup.debtors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.DocumentedShape;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Written only from GetBill's documented debtor examples (src/test/resources/getbill/debtors, each file naming its page):
 * every example request body is accepted, and every field of a documented answer is in ours with the documented JSON
 * type ({@link DocumentedShape}: a documented null may be anything, every item of an answered array is compared with the
 * documented items, and a documented non-empty list must not be answered empty). Only IDs and times
 * differ from the pages; the debts behind the debtor are made through POST /debts.
 */
class GetBillDebtorExamplesIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String company = "getbill-debtors-" + UUID.randomUUID();
    private DebtorCalls calls;
    private String john;

    @BeforeEach
    void debtorsOfTheExamples() {
        calls = new DebtorCalls(api, tokens);
        john = debt("John", "Doe", "+33612345678", "john.doe@example.com", "123 Main Street, 75001 Paris, France", "1985-03-15", "1250.00");
        debt("John", "Doe", "+33612345678", "john.doe@example.com", null, null, "750.00");
        debt("John", "Doe", "+33612345678", null, null, null, "500.00");
        debt("Jane", "Smith", "+33698765432", "jane.smith@example.com", "456 Oak Avenue, 69001 Lyon, France", "1990-07-22", "300.00");
    }

    @Test
    void theListAnswerHasTheListPagesShape() {
        ApiResponse list = calls.list(company, "?page=1&limit=50");

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertSameShape(example("list-debtors.response.json"), list.json());
    }

    @Test
    void theGetAnswerHasTheGetPagesShape() {
        ApiResponse read = calls.get(company, john);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertSameShape(example("get-debtor.response.json"), read.json());
        assertThat(read.json().at("/data/data/debtsCount").asLong()).isEqualTo(3);
    }

    @Test
    void theUpdatePagesRequestIsAcceptedAndAnsweredInItsShape() {
        JsonNode request = example("update-debtor.request.json");

        ApiResponse updated = calls.update("PUT", company, john, request.toString());

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertSameShape(example("update-debtor.response.json"), updated.json());
        JsonNode debtor = updated.json().at("/data/data");
        request.properties().forEach(field -> assertThat(debtor.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
        assertThat(updated.json().at("/data/message").asString()).isEqualTo(example("update-debtor.response.json").at("/data/message").asString());
    }

    @Test
    void aBadDateOfBirthIsRefusedWithThePagesMessage() {
        JsonNode documented = example("update-debtor-bad-date.response.json");

        ApiResponse refused = calls.update("PUT", company, john, "{\"dateOfBirth\":\"15/03/1985\"}");

        assertThat(refused.status()).isEqualTo(documented.get("code").asInt());
        assertSameShape(documented, refused.json());
        assertThat(refused.json().get("message").asString()).isEqualTo(documented.get("message").asString());
    }

    @Test
    void aCallWithoutATokenHasTheDocumented401Shape() {
        JsonNode documented = example("unauthorized.response.json");

        ApiResponse refused = api.request("GET", DebtorCalls.DEBTORS).send();

        assertThat(refused.status()).isEqualTo(documented.get("code").asInt());
        assertSameShape(documented, refused.json());
    }

    /**
     * Every member of {@code documented} is in {@code actual}, recursively, with the documented JSON type
     * ({@link DocumentedShape}); a documented list of debtors must not be answered empty (its items would go unchecked).
     */
    static void assertSameShape(JsonNode documented, JsonNode actual) {
        DocumentedShape shape = DocumentedShape.of(documented);
        if (documented.path("data").isArray() && !documented.path("data").isEmpty()) {
            shape.nonEmpty("data");
        }
        shape.assertMatches(actual);
    }

    private String debt(String first, String last, String phone, String email, String address, String birthdate, String amount) {
        String body = """
                {"firstname":"%s","lastname":"%s","phone":%s,"email":%s,"address":%s,"birthdate":%s,"amount":%s,"currency":"EUR"}"""
                .formatted(first, last, DebtorCalls.quoted(phone), DebtorCalls.quoted(email), DebtorCalls.quoted(address),
                        DebtorCalls.quoted(birthdate), amount);
        ApiResponse created = api.request("POST", DebtorCalls.DEBTS).token(tokens.external(company)).json(body).send();
        assertThat(created.status()).as("set-up debt: " + created).isEqualTo(201);
        return created.json().get("data").get("debtor_id").asString();
    }

    /** The {@code body} of an example file; its {@code source} names the page it was copied from. */
    private static JsonNode example(String file) {
        try (InputStream in = new ClassPathResource("getbill/debtors/" + file).getInputStream()) {
            JsonNode example = JSON.readTree(in);
            assertThat(example.get("source").asString()).startsWith("https://docs.getbill.io/api-reference/debtors/");
            return example.get("body");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
