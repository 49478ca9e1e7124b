package io.followup.collections;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetBill's further follow-up fields as this service keeps them: the integrator reports payments, email
 * opens and clicks and its media URLs' expiry; the flags follow the counts; a read shows them, a create
 * answer does not; type may be left out.
 */
class FollowupTrackingIntegrationTests extends IntegrationTest {

    private final String company = "company-" + UUID.randomUUID();
    private String debtId;

    @BeforeEach
    void debt() {
        debtId = ExternalApiFixtures.createDebt(api, company);
    }

    @Test
    void onlyDebtIdIsRequiredAndTypeDefaultsToCall() {
        JsonNode created = ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + debtId + "\"}");

        assertThat(created.get("type").asString()).isEqualTo("call");
        assertThat(created.get("status").asString()).isEqualTo("on_hold");
        assertThat(new ArrayList<>(created.propertyNames())).containsExactlyElementsOf(ExternalApiIntegrationTests.SEED_KEYS);
        JsonNode nullType = ExternalApiFixtures.createFollowup(api, company, "{\"debt_id\":\"" + debtId + "\",\"type\":null}");
        assertThat(nullType.get("type").asString()).as("null is left out").isEqualTo("call");
        assertThat(jdbc.queryForList("select type from debt_followup where company_id = ?", String.class, company))
                .containsExactly("CALL", "CALL");
    }

    @Test
    void anEmailsTrackingIsReportedStoredAndReadBack() {
        JsonNode created = ExternalApiFixtures.createFollowup(api, company, """
                {"debt_id":"%s","type":"email","status":"delivered","triggered_payment":true,"email_opened":true,
                 "email_open_count":3,"email_first_opened_at":"2024-01-20T12:30:00-03:00","email_clicked":true,"email_click_count":1}"""
                .formatted(debtId));

        assertThat(new ArrayList<>(created.propertyNames())).as("the create answer stays the seed's")
                .containsExactlyElementsOf(ExternalApiIntegrationTests.SEED_KEYS);
        JsonNode read = read(created.get("id").asString());
        assertThat(new ArrayList<>(read.propertyNames())).containsExactlyElementsOf(ExternalApiIntegrationTests.READ_KEYS);
        assertThat(read.get("triggered_payment").booleanValue()).isTrue();
        assertThat(read.get("email_opened").booleanValue()).isTrue();
        assertThat(read.get("email_open_count").intValue()).isEqualTo(3);
        assertThat(read.get("email_first_opened_at").asString()).isEqualTo("2024-01-20T15:30:00+00:00");
        assertThat(read.get("email_clicked").booleanValue()).isTrue();
        assertThat(read.get("email_click_count").intValue()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select triggered_payment, email_open_count, email_click_count from debt_followup where company_id = ?",
                company)).isEqualTo(Map.of("triggered_payment", true, "email_open_count", 3, "email_click_count", 1));
    }

    @Test
    void updatesAreJudgedWithTheStoredValues() {
        String id = ExternalApiFixtures.createFollowup(api, company, """
                {"debt_id":"%s","type":"email","email_open_count":2,"email_first_opened_at":"2024-01-20T15:30:00Z"}"""
                .formatted(debtId)).get("id").asString();

        JsonNode more = update(id, "{\"email_open_count\":5,\"email_click_count\":2}", 200).get("data");
        assertThat(more.get("email_opened").booleanValue()).isTrue();
        assertThat(more.get("email_open_count").intValue()).isEqualTo(5);
        assertThat(more.get("email_first_opened_at").asString()).as("kept").isEqualTo("2024-01-20T15:30:00+00:00");
        assertThat(more.get("email_clicked").booleanValue()).isTrue();

        JsonNode noClicks = update(id, "{\"email_click_count\":0,\"email_clicked\":false,\"triggered_payment\":true}", 200).get("data");
        assertThat(noClicks.get("email_clicked").booleanValue()).isFalse();
        assertThat(noClicks.get("triggered_payment").booleanValue()).isTrue();
        assertThat(update(id, "{\"triggered_payment\":false}", 200).at("/data/triggered_payment").booleanValue()).isFalse();

        Long version = jdbc.queryForObject("select version from debt_followup where company_id = ?", Long.class, company);
        JsonNode refused = update(id, "{\"email_open_count\":0}", 400);
        assertThat(refused.get("details").get("email_open_count").asString())
                .isEqualTo("email_open_count cannot be 0 while email_first_opened_at is set");
        assertThat(refused.get("details").propertyNames()).containsExactly("email_open_count");
        assertThat(jdbc.queryForObject("select version from debt_followup where company_id = ?", Long.class, company))
                .as("nothing written").isEqualTo(version);
        assertThat(read(id).get("email_open_count").intValue()).isEqualTo(5);
    }

    @Test
    void mediaUrlsExpireAtIsShownOnlyWhenGiven() {
        String withExpiry = ExternalApiFixtures.createFollowup(api, company, """
                {"debt_id":"%s","audio_url":"https://media.example.com/call.mp3?X-Amz-Expires=3600",
                 "media_urls_expire_at":"2024-01-22T08:35:00-03:00"}""".formatted(debtId)).get("id").asString();
        String withoutExpiry = ExternalApiFixtures.createFollowup(api, company, """
                {"debt_id":"%s","audio_url":"https://media.example.com/call.mp3"}""".formatted(debtId)).get("id").asString();

        assertThat(read(withExpiry).get("media_urls_expire_at").asString()).isEqualTo("2024-01-22T11:35:00+00:00");
        assertThat(read(withoutExpiry).has("media_urls_expire_at")).as("absent, as GetBill leaves it out").isFalse();
        JsonNode updated = update(withoutExpiry, "{\"media_urls_expire_at\":\"2024-01-22T12:00:00Z\"}", 200).get("data");
        assertThat(updated.get("media_urls_expire_at").asString()).isEqualTo("2024-01-22T12:00:00+00:00");
        ApiResponse list = api.request("GET", ExternalApiFixtures.FOLLOWUPS + "/debt/" + debtId).token(tokens.external(company)).send();
        assertThat(list.json().get("data")).extracting(item -> item.path("media_urls_expire_at").asString(null))
                .containsExactly("2024-01-22T12:00:00+00:00", "2024-01-22T11:35:00+00:00");
    }

    private JsonNode read(String id) {
        ApiResponse response = api.request("GET", ExternalApiFixtures.FOLLOWUPS + "/" + id).token(tokens.external(company)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Success");
        return response.json().get("data");
    }

    private JsonNode update(String id, String body, int status) {
        ApiResponse response = api.request("PATCH", ExternalApiFixtures.FOLLOWUPS + "/" + id).token(tokens.external(company)).json(body).send();
        assertThat(response.status()).as(body + " -> " + response).isEqualTo(status);
        return response.json();
    }
}
