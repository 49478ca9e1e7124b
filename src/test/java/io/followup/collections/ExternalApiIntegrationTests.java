package io.followup.collections;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy paths of {@code /external-api/v1}: the seed's example request and response, defaults,
 * offsets, reads, partial updates, filters and pagination, debts, and the encrypted IDs. Every test
 * works in a company of its own.
 */
class ExternalApiIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEBTS = "/external-api/v1/debts";
    private static final String FOLLOWUPS = "/external-api/v1/followups";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00";
    private static final String PUBLIC_ID = "[A-Za-z0-9_-]+";

    /** The keys of the seed's example response's {@code data}, in the seed's order. */
    static final List<String> SEED_KEYS = List.of("id", "debt_id", "status", "type", "call_date", "scheduled_at",
            "summary", "notes", "call_id", "audio_url", "pdf_url", "duration_ms", "disconnection_reason", "direction",
            "phone_number_used", "is_retry", "processed_at");

    /** A read's keys (get, lists, updates): the seed's, then GetBill's further ones (media_urls_expire_at only when known). */
    static final List<String> READ_KEYS = java.util.stream.Stream.concat(SEED_KEYS.stream(), java.util.stream.Stream.of(
            "triggered_payment", "email_opened", "email_open_count", "email_first_opened_at", "email_clicked", "email_click_count"))
            .toList();

    // ------------------------------------------------------------------ the seed's example

    @Test
    void theSeedsExampleRequestGetsTheSeedsExampleResponse() {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);
        String request = """
                {
                "debt_id": "%s",
                "type": "call",
                "status": "scheduled",
                "scheduled_at": "2024-01-25T10:00:00Z",
                "summary": "Follow-up call to discuss payment plan",
                "notes": "Customer previously expressed interest in monthly payment schedule"
                }""".formatted(debtId);
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        ApiResponse response = api.request("POST", FOLLOWUPS).token(tokens.external(company)).json(request).send();

        Instant after = clock.instant();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertJson(response);
        JsonNode body = response.json();
        assertThat(new ArrayList<>(body.propertyNames())).as("top-level keys of " + response)
                .containsExactly("error", "message", "data");
        assertThat(body.get("error").isBoolean()).isTrue();
        assertThat(body.get("error").booleanValue()).isFalse();
        assertThat(body.get("message").asString()).isEqualTo("Followup created successfully");

        JsonNode data = body.get("data");
        assertThat(new ArrayList<>(data.propertyNames())).as("data keys, in the seed's order").containsExactlyElementsOf(SEED_KEYS);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("debt_id", debtId);
        expected.put("status", "scheduled");
        expected.put("type", "call");
        expected.putNull("call_date");
        expected.put("scheduled_at", "2024-01-25T10:00:00+00:00");
        expected.put("summary", "Follow-up call to discuss payment plan");
        expected.put("notes", "Customer previously expressed interest in monthly payment schedule");
        expected.putNull("call_id");
        expected.putNull("audio_url");
        expected.putNull("pdf_url");
        expected.putNull("duration_ms");
        expected.putNull("disconnection_reason");
        expected.putNull("direction");
        expected.putNull("phone_number_used");
        expected.put("is_retry", false);
        for (String key : expected.propertyNames()) {
            assertThat(data.get(key)).as("data." + key).isEqualTo(expected.get(key));
        }

        String id = data.get("id").asString();
        assertThat(id).matches(PUBLIC_ID).isNotEqualTo(debtId);
        String processedAt = data.get("processed_at").asString();
        assertThat(processedAt).matches(TIMESTAMP);
        assertThat(OffsetDateTime.parse(processedAt).toInstant()).isBetween(before, after);

        String location = response.header("Location");
        assertThat(location).as("Location header").isNotNull();
        assertThat(URI.create(location).getPath()).isEqualTo(FOLLOWUPS + "/" + id);
        ApiResponse fetched = api.request("GET", URI.create(location).getPath()).token(tokens.external(company)).send();
        assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
        JsonNode read = fetched.json().get("data");
        assertThat(new ArrayList<>(read.propertyNames())).as("a read's keys, in GetBill's order").containsExactlyElementsOf(READ_KEYS);
        SEED_KEYS.forEach(key -> assertThat(read.get(key)).as("read data." + key).isEqualTo(data.get(key)));
        assertThat(read.get("triggered_payment").booleanValue()).isFalse();
        assertThat(read.get("email_opened").booleanValue()).isFalse();
        assertThat(read.get("email_open_count").isInt()).isTrue();
        assertThat(read.get("email_open_count").intValue()).isZero();
        assertThat(read.get("email_first_opened_at").isNull()).isTrue();
        assertThat(read.get("email_clicked").booleanValue()).isFalse();
        assertThat(read.get("email_click_count").intValue()).isZero();
    }

    @Test
    void statusDefaultsToOnHoldAndIsRetryToFalse() {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);

        JsonNode data = createFollowup(company, "{\"debt_id\":\"" + debtId + "\",\"type\":\"email\"}");

        assertThat(data.get("status").asString()).isEqualTo("on_hold");
        assertThat(data.get("is_retry").isBoolean()).isTrue();
        assertThat(data.get("is_retry").booleanValue()).isFalse();
        assertThat(data.get("type").asString()).isEqualTo("email");
        assertThat(data.get("scheduled_at").isNull()).isTrue();
        assertThat(data.get("processed_at").asString()).matches(TIMESTAMP);
        assertThat(new ArrayList<>(data.propertyNames())).containsExactlyElementsOf(SEED_KEYS);
    }

    @Test
    void anyOffsetIsAcceptedAndWrittenBackInUtcWithAnOffset() {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);

        JsonNode data = createFollowup(company, """
                {"debt_id":"%s","type":"call","scheduled_at":"2024-01-25T07:00:00-03:00",
                 "call_date":"2024-01-22T20:45:30+05:30"}""".formatted(debtId));

        assertThat(data.get("scheduled_at").asString()).isEqualTo("2024-01-25T10:00:00+00:00");
        assertThat(data.get("call_date").asString()).isEqualTo("2024-01-22T15:15:30+00:00");
        assertThat(jdbc.queryForObject("select scheduled_at from debt_followup where company_id = ?", OffsetDateTime.class, company)
                .toInstant()).isEqualTo(Instant.parse("2024-01-25T10:00:00Z"));
        JsonNode fetched = get(company, FOLLOWUPS + "/" + data.get("id").asString()).json().get("data");
        assertThat(fetched.get("scheduled_at").asString()).isEqualTo("2024-01-25T10:00:00+00:00");
        assertThat(fetched.get("call_date").asString()).isEqualTo("2024-01-22T15:15:30+00:00");
    }

    @Test
    void everyFieldIsStoredAndReadBack() {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);

        JsonNode created = createFollowup(company, fullFollowup(debtId));
        ApiResponse fetched = get(company, FOLLOWUPS + "/" + created.get("id").asString());

        assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
        assertJson(fetched);
        assertThat(fetched.json().get("error").booleanValue()).isFalse();
        assertThat(fetched.json().get("message").asString()).isNotBlank();
        JsonNode data = fetched.json().get("data");
        SEED_KEYS.forEach(key -> assertThat(data.get(key)).as("read data." + key).isEqualTo(created.get(key)));
        assertTexts(data, "debt_id", debtId, "status", "no_answer", "type", "manual_call",
                "call_date", "2024-01-22T15:30:00+00:00", "scheduled_at", "2024-01-22T15:00:00+00:00",
                "summary", "Debtor did not answer", "notes", "Rang 6 times", "call_id", "call-123",
                "audio_url", "https://recordings.example.com/call-123.mp3", "pdf_url", "https://docs.example.com/letter-1.pdf");
        assertThat(data.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(data.get("duration_ms").longValue()).isEqualTo(42_000L);
        assertThat(data.get("disconnection_reason").asString()).isEqualTo("no_answer_timeout");
        assertThat(data.get("direction").asString()).isEqualTo("outbound");
        assertThat(data.get("phone_number_used").asString()).isEqualTo("+5511999998888");
        assertThat(data.get("is_retry").booleanValue()).isTrue();
    }

    // ------------------------------------------------------------------ partial updates

    @ParameterizedTest(name = "{0} changes only the given fields")
    @ValueSource(strings = {"PATCH", "PUT"})
    void partialUpdateChangesOnlyTheGivenFields(String method) {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);
        JsonNode before = createFollowup(company, fullFollowup(debtId));
        String path = FOLLOWUPS + "/" + before.get("id").asString();

        ApiResponse response = api.request(method, path).token(tokens.external(company))
                .json("{\"status\":\"deal_found\",\"notes\":\"Agreed to pay in 3 installments\"}").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertJson(response);
        assertThat(response.json().get("error").booleanValue()).isFalse();
        assertThat(response.json().get("message").asString()).isEqualTo("Followup updated successfully");
        JsonNode after = response.json().get("data");
        assertThat(new ArrayList<>(after.propertyNames())).containsExactlyElementsOf(READ_KEYS);
        assertThat(after.get("status").asString()).isEqualTo("deal_found");
        assertThat(after.get("notes").asString()).isEqualTo("Agreed to pay in 3 installments");
        assertUnchangedExcept(before, after, "status", "notes", "processed_at");
        assertThat(get(company, path).json().get("data")).isEqualTo(after);

        // more fields, with an offset and a boolean
        ApiResponse second = api.request(method, path).token(tokens.external(company))
                .json("{\"type\":\"whatsapp\",\"scheduled_at\":\"2024-03-01T09:00:00+01:00\",\"is_retry\":false,\"direction\":\"inbound\"}")
                .send();
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode third = second.json().get("data");
        assertThat(third.get("type").asString()).isEqualTo("whatsapp");
        assertThat(third.get("scheduled_at").asString()).isEqualTo("2024-03-01T08:00:00+00:00");
        assertThat(third.get("is_retry").booleanValue()).isFalse();
        assertThat(third.get("direction").asString()).isEqualTo("inbound");
        assertUnchangedExcept(after, third, "type", "scheduled_at", "is_retry", "direction", "processed_at");
    }

    @ParameterizedTest(name = "{0} accepts the same debt_id and refuses another debt's")
    @ValueSource(strings = {"PATCH", "PUT"})
    void debtIdCannotChange(String method) {
        String company = company();
        String debtId = ExternalApiFixtures.createDebt(api, company);
        String otherDebtId = ExternalApiFixtures.createDebt(api, company);
        JsonNode before = createFollowup(company, fullFollowup(debtId));
        String path = FOLLOWUPS + "/" + before.get("id").asString();

        ApiResponse same = api.request(method, path).token(tokens.external(company))
                .json("{\"debt_id\":\"" + debtId + "\",\"summary\":\"Same debt\"}").send();
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("data").get("debt_id").asString()).isEqualTo(debtId);
        assertThat(same.json().get("data").get("summary").asString()).isEqualTo("Same debt");
        JsonNode stored = same.json().get("data");
        Long version = followupVersion(company);

        ApiResponse other = api.request(method, path).token(tokens.external(company))
                .json("{\"debt_id\":\"" + otherDebtId + "\",\"summary\":\"Moved\"}").send();
        assertThat(other.status()).as(other.toString()).isEqualTo(400);
        assertJson(other);
        assertThat(other.json().get("error").booleanValue()).isTrue();
        assertThat(other.json().get("code").asInt()).isEqualTo(400);
        assertThat(other.json().get("details").get("debt_id").asString()).isNotBlank();
        assertThat(get(company, path).json().get("data")).isEqualTo(stored);
        assertThat(followupVersion(company)).isEqualTo(version);
    }

    // ------------------------------------------------------------------ lists

    @Test
    void listFiltersNewestFirstWithPagination() {
        String company = company();
        String d1 = ExternalApiFixtures.createDebt(api, company);
        String d2 = ExternalApiFixtures.createDebt(api, company);
        String f1 = followup(company, d1, "call", "scheduled", "2024-01-10T10:00:00Z");
        String f2 = followup(company, d1, "sms", "sent", "2024-01-20T10:00:00Z");
        String f3 = followup(company, d2, "email", "scheduled", "2024-01-30T10:00:00Z");
        String f4 = followup(company, d2, "call", "failed", null);
        String f5 = followup(company, d1, "whatsapp", null, "2024-02-10T10:00:00Z");

        assertList(company, FOLLOWUPS, List.of(f5, f4, f3, f2, f1), 5, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?debt_id=" + d1, List.of(f5, f2, f1), 3, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?debt_id=" + d2, List.of(f4, f3), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?status=scheduled", List.of(f3, f1), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?status=on_hold", List.of(f5), 1, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?status=delivered", List.of(), 0, 1, 20, 0);
        assertList(company, FOLLOWUPS + "?type=call", List.of(f4, f1), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?type=sms", List.of(f2), 1, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_from=" + enc("2024-01-15T00:00:00Z"), List.of(f5, f3, f2), 3, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_to=" + enc("2024-01-25T00:00:00Z"), List.of(f2, f1), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_from=" + enc("2024-01-15T00:00:00-03:00") + "&scheduled_to="
                + enc("2024-01-31T00:00:00+00:00"), List.of(f3, f2), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?debt_id=" + d1 + "&status=scheduled&type=call", List.of(f1), 1, 1, 20, 1);
        // Plain dates, as GetBill's lists take them: whole UTC days, both included.
        assertList(company, FOLLOWUPS + "?scheduled_from=2024-01-20&scheduled_to=2024-01-30", List.of(f3, f2), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_from=2024-01-20&scheduled_to=2024-01-20", List.of(f2), 1, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_to=2024-01-19", List.of(f1), 1, 1, 20, 1);
        assertList(company, FOLLOWUPS + "?scheduled_from=2024-01-21&scheduled_to=" + enc("2024-01-30T10:00:00Z"), List.of(f3), 1, 1, 20, 1);

        assertList(company, FOLLOWUPS + "?limit=2", List.of(f5, f4), 5, 1, 2, 3);
        assertList(company, FOLLOWUPS + "?limit=2&page=2", List.of(f3, f2), 5, 2, 2, 3);
        assertList(company, FOLLOWUPS + "?limit=2&page=3", List.of(f1), 5, 3, 2, 3);
        assertList(company, FOLLOWUPS + "?limit=2&page=4", List.of(), 5, 4, 2, 3);
        assertList(company, FOLLOWUPS + "?limit=100", List.of(f5, f4, f3, f2, f1), 5, 1, 100, 1);

        assertList(company, FOLLOWUPS + "/debt/" + d2, List.of(f4, f3), 2, 1, 20, 1);
        assertList(company, FOLLOWUPS + "/debt/" + d1, List.of(f5, f2, f1), 3, 1, 20, 1);
        assertList(company, FOLLOWUPS + "/debt/" + d1 + "?limit=2&page=2", List.of(f1), 3, 2, 2, 2);
    }

    @Test
    void theDefaultPageSizeIsTwenty() {
        String company = company();
        String debt = ExternalApiFixtures.createDebt(api, company);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(0, followup(company, debt, "call", null, null));
        }

        assertList(company, FOLLOWUPS, ids.subList(0, 20), 21, 1, 20, 2);
        assertList(company, FOLLOWUPS + "?page=2", ids.subList(20, 21), 21, 2, 20, 2);
    }

    // ------------------------------------------------------------------ debts

    @Test
    void debtsAreCreatedReadAndListed() {
        String company = company();
        String reference = "INV-" + UUID.randomUUID();
        ApiResponse created = api.request("POST", DEBTS).token(tokens.external(company)).json("""
                {"internal_id":"%s","firstname":"Maria","lastname":"Silva","phone":"+55 11 99999-8888",
                 "email":"maria@example.com","amount":1500.50,"currency":"BRL","due_date":"2024-02-01"}"""
                .formatted(reference)).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertJson(created);
        assertThat(created.json().get("error").booleanValue()).isFalse();
        assertThat(created.json().get("message").asString()).isEqualTo("Debt created successfully");
        JsonNode debt = created.json().get("data");
        String id = debt.get("id").asString();
        assertThat(id).matches(PUBLIC_ID);
        assertThat(URI.create(created.header("Location")).getPath()).isEqualTo(DEBTS + "/" + id);
        assertTexts(debt, "internal_id", reference, "firstname", "Maria", "lastname", "Silva", "phone", "+5511999998888",
                "email", "maria@example.com", "currency", "BRL", "due_date", "2024-02-01", "status", "status.default.pending",
                "amount_text", "1500.50");
        assertThat(debt.get("amount").decimalValue()).isEqualByComparingTo("1500.50");

        ApiResponse fetched = get(company, DEBTS + "/" + id);
        assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
        JsonNode read = fetched.json().get("data");
        assertThat(read.get("id").asString()).isEqualTo(id);
        assertThat(read.get("internal_id").asString()).isEqualTo(reference);
        assertThat(read.get("amount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(read.get("due_date").asString()).isEqualTo("2024-02-01");

        String second = ExternalApiFixtures.createDebt(api, company);
        assertList(company, DEBTS, List.of(second, id), 2, 1, 20, 1);
        assertList(company, DEBTS + "?internal_id=" + enc(reference), List.of(id), 1, 1, 20, 1);
        assertList(company, DEBTS + "?internal_id=NO-SUCH-REF", List.of(), 0, 1, 20, 0);
        assertList(company, DEBTS + "?limit=1&page=2", List.of(id), 2, 2, 1, 2);
    }

    @Test
    void amountMayBeANumericString() {
        String company = company();
        ApiResponse created = api.request("POST", DEBTS).token(tokens.external(company)).json("""
                {"internal_id":"INV-%s","firstname":"Jo","lastname":"Li","email":"jo@example.com","amount":"100.50","currency":"USD"}"""
                .formatted(UUID.randomUUID())).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("data").get("amount").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(jdbc.queryForObject("select amount from debt where company_id = ?", BigDecimal.class, company))
                .isEqualByComparingTo("100.50");
    }

    @Test
    void aDuplicateInternalIdIsAConflict() {
        String company = company();
        String reference = "INV-" + UUID.randomUUID();
        ExternalApiFixtures.createDebt(api, company, reference);
        long before = debtCount(company);

        ApiResponse duplicate = api.request("POST", DEBTS).token(tokens.external(company)).json(ExternalApiFixtures.debtBody(reference)).send();

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertJson(duplicate);
        assertThat(duplicate.json().get("error").booleanValue()).isTrue();
        assertThat(duplicate.json().get("code").asInt()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asString()).isNotBlank();
        assertThat(duplicate.json().get("details").get("internal_id").asString()).isNotBlank();
        assertThat(debtCount(company)).isEqualTo(before);

        // the same reference in another company is that company's own business
        String other = company();
        ApiResponse elsewhere = api.request("POST", DEBTS).token(tokens.external(other)).json(ExternalApiFixtures.debtBody(reference)).send();
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
    }

    // ------------------------------------------------------------------ encrypted IDs

    @Test
    void idsAreDeterministicTypedAndTamperEvident() {
        String company = company();
        JsonNode debt = ExternalApiFixtures.createDebt(api, company, "INV-" + UUID.randomUUID());
        String debtId = debt.get("id").asString();
        JsonNode followup = createFollowup(company, "{\"debt_id\":\"" + debtId + "\",\"type\":\"call\"}");
        String followupId = followup.get("id").asString();

        // deterministic
        assertThat(followup.get("debt_id").asString()).isEqualTo(debtId);
        assertThat(get(company, DEBTS + "/" + debtId).json().get("data").get("id").asString()).isEqualTo(debtId);
        assertThat(get(company, DEBTS + "/" + debtId).json().get("data").get("id").asString()).isEqualTo(debtId);
        assertThat(get(company, FOLLOWUPS + "/" + followupId).json().get("data").get("id").asString()).isEqualTo(followupId);
        assertThat(get(company, FOLLOWUPS + "/" + followupId).json().get("data").get("id").asString()).isEqualTo(followupId);
        assertThat(get(company, FOLLOWUPS).json().get("data").get(0).get("id").asString()).isEqualTo(followupId);
        assertThat(get(company, DEBTS).json().get("data").get(0).get("id").asString()).isEqualTo(debtId);
        assertThat(followupId).matches(PUBLIC_ID).isNotEqualTo(debtId);
        String secondFollowup = createFollowup(company, "{\"debt_id\":\"" + debtId + "\",\"type\":\"sms\"}").get("id").asString();
        assertThat(secondFollowup).isNotEqualTo(followupId);
        Long internal = jdbc.queryForObject("select id from debt where company_id = ?", Long.class, company);
        assertThat(debtId).isNotEqualTo(String.valueOf(internal));
        assertNotFound(get(company, DEBTS + "/" + internal));

        // typed
        assertNotFound(get(company, DEBTS + "/" + followupId));
        assertNotFound(get(company, FOLLOWUPS + "/" + debtId));
        assertNotFound(get(company, FOLLOWUPS + "/debt/" + followupId));
        long followups = followupCount(company);
        ApiResponse asDebt = api.request("POST", FOLLOWUPS).token(tokens.external(company))
                .json("{\"debt_id\":\"" + followupId + "\",\"type\":\"call\"}").send();
        assertThat(asDebt.status()).as(asDebt.toString()).isEqualTo(400);
        assertThat(asDebt.json().get("details").get("debt_id").asString()).isNotBlank();
        assertThat(followupCount(company)).isEqualTo(followups);

        // tamper-evident
        for (int position : new int[] {0, debtId.length() / 2, debtId.length() - 1}) {
            assertNotFound(get(company, DEBTS + "/" + tamper(debtId, position)));
            assertNotFound(get(company, FOLLOWUPS + "/" + tamper(followupId, position)));
            assertNotFound(get(company, FOLLOWUPS + "/debt/" + tamper(debtId, position)));
        }
        assertNotFound(get(company, DEBTS + "/" + debtId.substring(1)));
        assertNotFound(get(company, FOLLOWUPS + "/" + followupId + "A"));
    }

    // ------------------------------------------------------------------ helpers

    static String tamper(String id, int position) {
        char original = id.charAt(position);
        char replacement = original == 'A' ? 'B' : 'A';
        return id.substring(0, position) + replacement + id.substring(position + 1);
    }

    private static String company() {
        return "company-" + UUID.randomUUID();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String fullFollowup(String debtId) {
        return """
                {"debt_id":"%s","type":"manual_call","status":"no_answer","call_date":"2024-01-22T15:30:00Z",
                 "scheduled_at":"2024-01-22T15:00:00Z","summary":"Debtor did not answer","notes":"Rang 6 times",
                 "call_id":"call-123","audio_url":"https://recordings.example.com/call-123.mp3",
                 "pdf_url":"https://docs.example.com/letter-1.pdf","duration_ms":42000,"phone_number_used":"+5511999998888",
                 "direction":"outbound","disconnection_reason":"no_answer_timeout","is_retry":true}""".formatted(debtId);
    }

    private JsonNode createFollowup(String company, String body) {
        ApiResponse created = api.request("POST", FOLLOWUPS).token(tokens.external(company)).json(body).send();
        assertThat(created.status()).as("create followup: " + created).isEqualTo(201);
        assertJson(created);
        assertThat(created.json().get("error").booleanValue()).isFalse();
        return created.json().get("data");
    }

    private String followup(String company, String debtId, String type, String status, String scheduledAt) {
        ObjectNode body = JSON.createObjectNode().put("debt_id", debtId).put("type", type);
        if (status != null) {
            body.put("status", status);
        }
        if (scheduledAt != null) {
            body.put("scheduled_at", scheduledAt);
        }
        return createFollowup(company, JSON.writeValueAsString(body)).get("id").asString();
    }

    private ApiResponse get(String company, String path) {
        return api.request("GET", path).token(tokens.external(company)).send();
    }

    private void assertList(String company, String path, List<String> ids, long total, int page, int limit, int pages) {
        ApiResponse response = get(company, path);
        String where = "GET " + path + " -> " + response;
        assertThat(response.status()).as(where).isEqualTo(200);
        assertJson(response);
        JsonNode body = response.json();
        // GetBill's list envelope: no message (single reads say "Success").
        assertThat(new ArrayList<>(body.propertyNames())).as(where).containsExactly("error", "data", "pagination");
        assertThat(body.get("error").booleanValue()).as(where).isFalse();
        assertThat(body.get("data").isArray()).as(where).isTrue();
        List<String> actual = new ArrayList<>();
        body.get("data").forEach(item -> actual.add(item.get("id").asString()));
        assertThat(actual).as(where + " / ids, newest first").containsExactlyElementsOf(ids);
        JsonNode pagination = body.get("pagination");
        assertThat(pagination.get("total").asLong()).as(where + " / total").isEqualTo(total);
        assertThat(pagination.get("page").asInt()).as(where + " / page").isEqualTo(page);
        assertThat(pagination.get("limit").asInt()).as(where + " / limit").isEqualTo(limit);
        assertThat(pagination.get("pages").asInt()).as(where + " / pages").isEqualTo(pages);
    }

    private static void assertUnchangedExcept(JsonNode before, JsonNode after, String... changed) {
        List<String> allowed = List.of(changed);
        for (String key : SEED_KEYS) {
            if (!allowed.contains(key)) {
                assertThat(after.get(key)).as("unchanged " + key).isEqualTo(before.get(key));
            }
        }
    }

    private static void assertNotFound(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertJson(response);
        assertThat(response.json().get("error").booleanValue()).isTrue();
        assertThat(response.json().get("code").asInt()).isEqualTo(404);
        assertThat(response.json().get("message").asString()).isNotBlank();
        assertThat(response.json().get("details").isObject()).isTrue();
    }

    /** Each field named in {@code fieldsAndValues} (name, text, name, text...) of {@code node} is that text. */
    private static void assertTexts(JsonNode node, String... fieldsAndValues) {
        assertThat(fieldsAndValues.length % 2).as("names and texts in pairs").isZero();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            assertThat(node.get(fieldsAndValues[i]).asString()).as(fieldsAndValues[i]).isEqualTo(fieldsAndValues[i + 1]);
        }
    }

    private static void assertJson(ApiResponse response) {
        assertThat(response.contentType()).as("Content-Type of " + response).isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                .as("Content-Type " + response.contentType()).isTrue();
        assertThat(response.json()).as("JSON body of " + response).isNotNull();
    }

    private long debtCount(String company) {
        return jdbc.queryForObject("select count(*) from debt where company_id = ?", Long.class, company);
    }

    private long followupCount(String company) {
        return jdbc.queryForObject("select count(*) from debt_followup where company_id = ?", Long.class, company);
    }

    private Long followupVersion(String company) {
        return jdbc.queryForObject("select version from debt_followup where company_id = ?", Long.class, company);
    }
}
