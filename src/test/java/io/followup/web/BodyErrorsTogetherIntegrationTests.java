package io.followup.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field that cannot be read (unknown, wrong JSON type, out of range) is reported together with
 * every other error of the body, on both surfaces, and the refused request writes nothing, even
 * when the rest of the body was valid.
 */
class BodyErrorsTogetherIntegrationTests extends IntegrationTest {

    private static final String FOLLOWUPS = "/external-api/v1/followups";
    private static final String CONFIGS = "/backend/followup/configs";
    private static final String BAD_TYPE =
            "Invalid followup type. Valid types are: call, sms, email, whatsapp, voicemail, manual_call, physical, postmail";
    private static final String BAD_STATUS = "Invalid followup status. Valid statuses are: on_hold, scheduled, in_progress, sent, "
            + "delivered, deal_found, no_answer, deal_not_found, bad_behavior, failed, cancelled";
    private static final String UUID_MESSAGE = "Must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void unknownFieldIsReportedWithTheOtherErrorsOfAFollowup() {
        String company = "together-" + UUID.randomUUID();

        ApiResponse response = postFollowup(company, "{\"debtId\":\"x\",\"type\":\"phone\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(details(response)).containsExactly(
                Map.entry("debtId", "Unknown field"),
                Map.entry("debt_id", "Debt ID is required"),
                Map.entry("type", BAD_TYPE));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreReportedWithTheServicesErrors() {
        String company = "together-" + UUID.randomUUID();
        String debt = ExternalApiFixtures.createDebt(api, company);

        ApiResponse response = postFollowup(company, """
                {"debt_id":"%s","type":"call","status":"done","is_retry":"yes","duration_ms":9223372036854775808,
                 "summary":42,"foo":{"bar":[1,2]},"scheduled_at":"tomorrow"}""".formatted(debt));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(details(response).keySet()).as("every bad field, sorted by name")
                .containsExactly("duration_ms", "foo", "is_retry", "scheduled_at", "status", "summary");
        assertThat(details(response)).containsEntry("duration_ms", "Number is out of range").containsEntry("foo", "Unknown field")
                .containsEntry("is_retry", "Must be true or false").containsEntry("status", BAD_STATUS)
                .containsEntry("summary", "Must be a string");
        assertThat(details(response).get("scheduled_at")).isNotBlank();
        assertThat(count("debt_followup", company)).isZero();
    }

    @Test
    void aValidFollowupWithOneUnknownFieldIsRefusedAndWritesNothing() {
        String company = "together-" + UUID.randomUUID();
        String debt = ExternalApiFixtures.createDebt(api, company);

        ApiResponse response = postFollowup(company,
                "{\"debt_id\":\"%s\",\"type\":\"call\",\"status\":\"scheduled\",\"extra\":true}".formatted(debt));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(details(response)).containsExactly(Map.entry("extra", "Unknown field"));
        assertThat(count("debt_followup", company)).isZero();
    }

    @Test
    void updatesReportEveryFieldAndChangeNothing() {
        String company = "together-" + UUID.randomUUID();
        String debt = ExternalApiFixtures.createDebt(api, company);
        ApiResponse created = postFollowup(company, "{\"debt_id\":\"%s\",\"type\":\"call\"}".formatted(debt));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("data").path("id").asString();
        String before = rows("debt_followup", company);

        for (String method : List.of("PATCH", "PUT")) {
            ApiResponse bad = api.request(method, FOLLOWUPS + "/" + id).token(tokens.external(company))
                    .json("{\"status\":\"done\",\"summary\":42,\"typo\":1}").send();
            ApiResponse validButUnknown = api.request(method, FOLLOWUPS + "/" + id).token(tokens.external(company))
                    .json("{\"status\":\"sent\",\"notes\":\"changed\",\"typo\":1}").send();

            assertThat(bad.status()).as(method + " " + bad).isEqualTo(400);
            assertThat(details(bad)).containsExactly(Map.entry("status", BAD_STATUS), Map.entry("summary", "Must be a string"),
                    Map.entry("typo", "Unknown field"));
            assertThat(validButUnknown.status()).as(method + " " + validButUnknown).isEqualTo(400);
            assertThat(details(validButUnknown)).containsExactly(Map.entry("typo", "Unknown field"));
        }
        assertThat(rows("debt_followup", company)).isEqualTo(before);
    }

    @Test
    void debtReportsEveryField() {
        String company = "together-" + UUID.randomUUID();

        ApiResponse response = api.request("POST", "/external-api/v1/debts").token(tokens.external(company)).json("""
                {"firstname":"Maria","email":"maria@example.com","amount":"abc","currency":"XXX","due_date":20240201,"debtor":"typo"}""").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(details(response)).containsOnlyKeys("amount", "currency", "debtor", "due_date", "lastname");
        assertThat(details(response)).containsEntry("debtor", "Unknown field").containsEntry("due_date", "Must be a string");
        assertThat(count("debt", company)).isZero();
    }

    @Test
    void configReportsUnreadableFieldsWithBeanValidationErrors() {
        UUID tenant = UUID.randomUUID();

        ApiResponse response = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json("""
                {"assistant_id":"%s","trigger_status_ids":[],"is_active":"yes","colour":"red",
                 "steps":[{"interval":30,"prompt":"Hi"},{"interval":"PT1H","prompt":"Hi","tone":"warm"},{"prompt":"no interval"}]}
                """.formatted(UUID.randomUUID())).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(errors(response)).containsOnlyKeys("colour", "is_active", "steps[0].interval", "steps[1].tone",
                "steps[2].interval", "trigger_status_ids");
        assertThat(errors(response)).containsEntry("colour", "Unknown field").containsEntry("is_active", "Must be true or false")
                .containsEntry("steps[0].interval", "Must be a string").containsEntry("steps[2].interval", "interval is required")
                .containsEntry("trigger_status_ids", "Give between 1 and 50 trigger status IDs");
        assertThat(configs(tenant)).isZero();
    }

    @Test
    void badElementOfAListIsNamedAndTheListIsNotAlsoCalledMissing() {
        UUID tenant = UUID.randomUUID();

        ApiResponse response = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json("""
                {"assistant_id":"not-a-uuid","trigger_status_ids":["%s","nope"],
                 "steps":[{"interval":"PT30M","prompt":"Hi"}]}""".formatted(UUID.randomUUID())).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(errors(response)).containsExactly(Map.entry("assistant_id", UUID_MESSAGE),
                Map.entry("trigger_status_ids[1]", UUID_MESSAGE));
        assertThat(configs(tenant)).isZero();
    }

    @Test
    void aValidConfigWithOneUnknownFieldIsRefusedAndWritesNothing() {
        UUID tenant = UUID.randomUUID();
        String valid = "{\"assistant_id\":\"%s\",\"trigger_status_ids\":[\"%s\"],\"steps\":[{\"interval\":\"PT30M\",\"prompt\":\"Hi\"}]"
                .formatted(UUID.randomUUID(), UUID.randomUUID());

        ApiResponse created = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json(valid + ",\"extra\":1}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(errors(created)).containsExactly(Map.entry("extra", "Unknown field"));
        assertThat(configs(tenant)).isZero();

        ApiResponse stored = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json(valid + "}").send();
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        String id = stored.json().path("id").asString();
        String before = jdbc.queryForObject("select row_to_json(c)::text from followup_config c where id = ?::uuid", String.class, id);
        ApiResponse updated = api.request("PUT", CONFIGS + "/" + id).token(tokens.backend(tenant))
                .json("{\"is_active\":false,\"steps\":[{\"interval\":\"PT45M\",\"prompt\":\"Hello\"}],\"extra\":1}").send();
        ApiResponse mixed = api.request("PUT", CONFIGS + "/" + id).token(tokens.backend(tenant))
                .json("{\"is_active\":1,\"steps\":[{\"interval\":\"PT1M\"}],\"extra\":1}").send();

        assertThat(updated.status()).as(updated.toString()).isEqualTo(400);
        assertThat(errors(updated)).containsExactly(Map.entry("extra", "Unknown field"));
        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(400);
        assertThat(errors(mixed)).as("with the rules the service checks on the whole")
                .containsOnlyKeys("extra", "is_active", "steps[0].interval", "steps[0].prompt");
        assertThat(jdbc.queryForObject("select row_to_json(c)::text from followup_config c where id = ?::uuid", String.class, id))
                .isEqualTo(before);
    }

    @Test
    void eventsReportEveryFieldSingleAndInABatch() {
        UUID tenant = UUID.randomUUID();
        String bad = "{\"event_id\":\"e-%s\",\"type\":\"lead.status_changed\",\"assistant_id\":\"nope\",\"lead_id\":\"l1\",\"leadId\":\"l1\"}";
        String good = ("{\"event_id\":\"e-good\",\"type\":\"lead.message_received\",\"assistant_id\":\"%s\",\"lead_id\":\"l1\","
                + "\"occurred_at\":\"2024-01-25T10:00:00Z\"}").formatted(UUID.randomUUID());

        ApiResponse single = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json(bad.formatted(1)).send();
        ApiResponse batch = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant))
                .json("[" + bad.formatted(2) + "," + good + "]").send();

        Map<String, String> expected = Map.of("assistant_id", UUID_MESSAGE, "leadId", "Unknown field",
                "channel_id", "channel_id is required", "status_id", "status_id is required", "occurred_at", "occurred_at is required");
        assertThat(single.status()).as(single.toString()).isEqualTo(400);
        assertThat(errors(single)).isEqualTo(expected);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().path("results");
        assertThat(results.get(0).path("status").asString()).isEqualTo("rejected");
        assertThat(JSON.convertValue(results.get(0).path("errors"), Map.class)).isEqualTo(expected);
        assertThat(results.get(1).path("status").asString()).isEqualTo("processed");
        assertThat(jdbc.queryForList("select event_id from lead_event where tenant_id = ?::uuid", String.class, tenant.toString()))
                .containsExactly("e-good");
    }

    private ApiResponse postFollowup(String company, String body) {
        return api.request("POST", FOLLOWUPS).token(tokens.external(company)).json(body).send();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static Map<String, String> details(ApiResponse response) {
        return JSON.convertValue(response.json().path("details"), java.util.LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(ApiResponse response) {
        return JSON.convertValue(response.json().path("errors"), java.util.LinkedHashMap.class);
    }

    private long count(String table, String company) {
        return jdbc.queryForObject("select count(*) from " + table + " where company_id = ?", Long.class, company);
    }

    private String rows(String table, String company) {
        return String.join("\n", jdbc.queryForList("select row_to_json(t)::text from " + table + " t where company_id = ? order by id",
                String.class, company));
    }

    private long configs(UUID tenant) {
        return jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?::uuid", Long.class, tenant.toString());
    }
}
