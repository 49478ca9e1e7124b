package io.followup.collections;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.DocumentedExample;
import io.followup.support.DocumentedShape;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Written only from GetBill's follow-up pages (docs.getbill.io/api-reference/followups/...): their example
 * bodies, copied into {@code src/test/resources/getbill/followups/} with the page named in {@code _source}, are
 * sent as they are (only the debt ID is ours), and every answer must carry every documented member with the
 * documented JSON type ({@link DocumentedShape}). Where the service differs on purpose, the test says so at
 * the line that allows it.
 */
class GetBillFollowupExamplesIntegrationTests extends IntegrationTest {

    private static final String FOLDER = "getbill/followups/";
    /** What differs between two follow-ups however they were made: their IDs and when the service processed them. */
    private static final List<String> IDS_AND_TIMES = List.of("id", "debt_id", "processed_at");

    private final String company = "company-" + UUID.randomUUID();
    private String debtId;

    @BeforeEach
    void debt() {
        debtId = ExternalApiFixtures.createDebt(api, company);
    }

    @Test
    void createExampleIsAcceptedAndAnsweredAsDocumented() {
        DocumentedExample request = example("create-followup.request.json");
        DocumentedExample documented = example("create-followup.response.json");

        ApiResponse created = send("POST", ExternalApiFixtures.FOLLOWUPS, request.filledText(Map.of("debt_id", debtId)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // The create answer is exactly the documented one: the 17 fields, no more (reads add the others).
        DocumentedShape.of(documented.body()).exactly("$").exactly("data").assertMatches(created.json());
        assertSameValuesApartFromIdsAndTimes(documented.body().get("data"), created.json().get("data"));
        assertThat(created.json().at("/data/debt_id").asString()).isEqualTo(debtId);
    }

    @Test
    void getAnswersTheDocumentedFollowup() {
        DocumentedExample documented = example("get-followup.response.json");
        String id = createFrom(documented.body().get("data"));

        ApiResponse read = send("GET", ExternalApiFixtures.FOLLOWUPS + "/" + id, null);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        DocumentedShape.of(documented.body()).exactly("$").exactly("data").assertMatches(read.json());
        assertSameValuesApartFromIdsAndTimes(documented.body().get("data"), read.json().get("data"));
    }

    @Test
    void aFollowupMadeFromTheCreateExampleReadsInTheDocumentedShape() {
        String id = ExternalApiFixtures.createFollowup(api, company,
                example("create-followup.request.json").filledText(Map.of("debt_id", debtId))).get("id").asString();

        ApiResponse read = send("GET", ExternalApiFixtures.FOLLOWUPS + "/" + id, null);

        // The get page's follow-up is a call already made; this one is only scheduled, so its call fields are the
        // create page's nulls: the shape of a followup is both pages' examples together.
        DocumentedShape.of(example("get-followup.response.json").body(), example("create-followup.response.json").body())
                // Absent, as on GetBill's own email item without media: the service knows no expiry it was not given.
                .optional("data.media_urls_expire_at")
                .exactly("data").assertMatches(read.json());
        assertThat(read.json().at("/data/email_opened").booleanValue()).isFalse();
        assertThat(read.json().at("/data/email_open_count").intValue()).isZero();
        assertThat(read.json().at("/data/triggered_payment").booleanValue()).isFalse();
    }

    @Test
    void bothListsAnswerTheDocumentedItemsAndPagination() {
        DocumentedExample byDebt = example("get-followups-by-debt.response.json");
        DocumentedExample list = example("list-followups.response.json");
        // Newest first: the email (created second) comes first; posted back, each documented item is accepted.
        String call = createFrom(byDebt.body().get("data").get(0));
        String email = createFrom(byDebt.body().get("data").get(1));

        ApiResponse ofDebt = send("GET", ExternalApiFixtures.FOLLOWUPS + "/debt/" + debtId, null);
        ApiResponse filtered = send("GET", ExternalApiFixtures.FOLLOWUPS + "?debt_id=" + debtId, null);

        for (ApiResponse answer : List.of(ofDebt, filtered)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            DocumentedShape.of(byDebt.body(), list.body())
                    // GetBill's email item has no media and no media_urls_expire_at; neither has ours.
                    .optional("data[].media_urls_expire_at")
                    .exactly("$").exactly("data[]").exactly("pagination")
                    .assertMatches(answer.json());
            assertThat(answer.json().get("data")).extracting(item -> item.get("id").asString()).containsExactly(email, call);
            assertSameValuesApartFromIdsAndTimes(byDebt.body().at("/data/1"), answer.json().at("/data/0"));
            assertSameValuesApartFromIdsAndTimes(byDebt.body().at("/data/0"), answer.json().at("/data/1"));
        }
    }

    @Test
    void updateExampleIsAcceptedAndAnswersTheGetStructure() {
        String id = ExternalApiFixtures.createFollowup(api, company,
                example("create-followup.request.json").filledText(Map.of("debt_id", debtId))).get("id").asString();
        DocumentedExample request = example("update-followup.request.json");
        DocumentedExample documented = example("update-followup.response.json");

        for (String method : List.of("PUT", "PATCH")) {
            ApiResponse updated = send(method, ExternalApiFixtures.FOLLOWUPS + "/" + id, request.filledText(Map.of()));

            assertThat(updated.status()).as(method + " " + updated).isEqualTo(200);
            // "Returns the updated followup object with the same structure as the Get Followup endpoint."
            DocumentedShape.of(documented.body(), example("get-followup.response.json").body())
                    // GetBill computes it for its own signed URLs; this body gives none, and the service signs nothing.
                    .optional("data.media_urls_expire_at")
                    .exactly("$").exactly("data").assertMatches(updated.json());
            ObjectNode expected = (ObjectNode) documented.body().get("data").deepCopy();
            expected.remove("media_urls_expire_at");
            assertSameValuesApartFromIdsAndTimes(expected, updated.json().get("data"));
        }
    }

    @Test
    void theServedDocumentDescribesTheDocumentedMembers() {
        JsonNode schemas = api.request("GET", "/v3/api-docs").send().json().at("/components/schemas");
        assertSchemaDescribes(schemas.get("FollowupResponse"), example("create-followup.response.json").body().get("data"));
        assertSchemaDescribes(schemas.get("FollowupDetailsResponse"), example("get-followup.response.json").body().get("data"));
        assertThat(schemas.at("/FollowupDetailsResponse/required").toString()).as("left out when unknown")
                .doesNotContain("media_urls_expire_at");
        assertThat(schemas.at("/FollowupRequest/required").toString()).as("required on create, as GetBill's page marks it")
                .isEqualTo("[\"debt_id\"]");
    }

    /** The schema has exactly the documented members, nullable where the documentation shows a null. */
    private static void assertSchemaDescribes(JsonNode schema, JsonNode documented) {
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(documented.propertyNames());
        for (String name : documented.propertyNames()) {
            if (documented.get(name).isNull()) {
                assertThat(schema.at("/properties/" + name + "/nullable").asBoolean(false)).as(name + " nullable").isTrue();
            }
        }
    }

        /** Posts a documented follow-up back as a create body (its own ID, debt and processing time left out): its ID. */
    private String createFrom(JsonNode documentedFollowup) {
        ObjectNode body = (ObjectNode) documentedFollowup.deepCopy();
        IDS_AND_TIMES.forEach(body::remove);
        body.put("debt_id", debtId);
        return ExternalApiFixtures.createFollowup(api, company, body.toString()).get("id").asString();
    }

    private static void assertSameValuesApartFromIdsAndTimes(JsonNode documented, JsonNode answered) {
        for (String name : documented.propertyNames()) {
            if (!IDS_AND_TIMES.contains(name)) {
                assertThat(answered.get(name)).as("%s, documented %s, in %s", name, documented.get(name), answered)
                        .isEqualTo(documented.get(name));
            }
        }
    }

    private static DocumentedExample example(String file) {
        return DocumentedExample.load(FOLDER + file);
    }

    private ApiResponse send(String method, String path, String body) {
        var request = api.request(method, path).token(tokens.external(company));
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }
}
