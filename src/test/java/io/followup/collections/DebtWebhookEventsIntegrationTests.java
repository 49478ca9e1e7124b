package io.followup.collections;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import io.followup.support.RecordedWebhookEvents;
import io.followup.support.RecordedWebhookEvents.Event;
import io.followup.support.StubServers;
import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookSubscriptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.followup.support.RecordedWebhookEvents.types;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external API's changes as webhook events (issue 17): one event per committed change of a debt or follow-up, its
 * data the record the API answered, updates with the fields that changed; nothing for a refused change.
 */
class DebtWebhookEventsIntegrationTests extends IntegrationTest {

    private static final String DEBTS = ExternalApiFixtures.DEBTS;
    private static final String FOLLOWUPS = ExternalApiFixtures.FOLLOWUPS;

    @Autowired
    WebhookSubscriptions subscriptions;

    final WireMockServer receiver = StubServers.assistant();
    final String company = "debt-webhooks-" + UUID.randomUUID();
    UUID subscription;

    @BeforeEach
    void subscribe() {
        receiver.stubFor(post(urlPathEqualTo("/hooks/" + company)).willReturn(ok()));
        subscription = RecordedWebhookEvents.subscribe(subscriptions, WebhookAudience.EXTERNAL, company,
                "http://localhost:" + receiver.port() + "/hooks/" + company, WebhookEvents.EXTERNAL);
    }

    @Test
    void eachChangeOfADebtIsOneEventWithTheAnswerAsData() {
        ApiResponse created = send("POST", DEBTS, ExternalApiFixtures.debtBody("INV-W1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("data").get("id").asString();
        ApiResponse updated = send("PUT", DEBTS + "/" + id, "{\"email\":\"maria@example.com\",\"status\":\"status.default.paid\"}");
        ApiResponse unchanged = send("PATCH", DEBTS + "/" + id, "{\"email\":\"maria@example.com\"}");
        ApiResponse refused = send("PUT", DEBTS + "/" + id, "{\"city\":\"Recife\",\"status\":\"status.default.pending\"}");
        ApiResponse patched = send("PATCH", DEBTS + "/" + id, "{\"city\":\"Recife\"}");
        ApiResponse deleted = send("DELETE", DEBTS + "/" + id, null);

        assertThat(List.of(updated.status(), unchanged.status(), refused.status(), patched.status(), deleted.status()))
                .containsExactly(200, 200, 400, 200, 200);
        List<Event> events = RecordedWebhookEvents.of(jdbc, subscription);
        assertThat(types(events)).containsExactly(WebhookEvents.DEBT_CREATED, WebhookEvents.DEBT_UPDATED,
                WebhookEvents.DEBT_STATUS_CHANGED, WebhookEvents.DEBT_UPDATED, WebhookEvents.DEBT_DELETED);
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(0).data()).as("the create's answer").isEqualTo(created.json().get("data"));
        assertThat(events.get(0).changes()).isNull();

        Event update = events.get(1);
        assertThat(update.data()).as("the update's answer").isEqualTo(updated.json().get("data"));
        assertThat(update.changes().propertyNames()).containsExactlyInAnyOrder("email", "status");
        assertThat(update.changes().get("email").get("old").isNull()).isTrue();
        assertThat(update.changes().get("email").get("new").asString()).isEqualTo("maria@example.com");
        assertThat(update.changes().get("status").get("old").asString()).isEqualTo("status.default.pending");
        assertThat(update.changes().get("status").get("new").asString()).isEqualTo("status.default.paid");
        Event statusChanged = events.get(2);
        assertThat(statusChanged.data()).isEqualTo(updated.json().get("data"));
        assertThat(statusChanged.changes().propertyNames()).containsExactly("status");

        Event patch = events.get(3);
        assertThat(patch.data()).isEqualTo(patched.json().get("data"));
        assertThat(patch.changes().propertyNames()).as("the refused PUT's city is not in it, nor the unchanged email").containsExactly("city");
        assertThat(patch.changes().get("city").get("new").asString()).isEqualTo("Recife");

        JsonNode gone = events.get(4).data();
        assertThat(gone.get("id").asString()).isEqualTo(id);
        assertThat(gone.get("city").asString()).as("the debt as last stored").isEqualTo("Recife");
    }

    @Test
    void followupEventsTellCreationUpdatesAndTheirOutcome() {
        String debt = ExternalApiFixtures.createDebt(api, company);
        List<Event> setUp = RecordedWebhookEvents.of(jdbc, subscription);
        ApiResponse created = send("POST", FOLLOWUPS, "{\"debt_id\":\"" + debt + "\",\"type\":\"call\"}");
        String id = created.json().get("data").get("id").asString();
        ApiResponse scheduled = send("PATCH", FOLLOWUPS + "/" + id, "{\"status\":\"scheduled\",\"notes\":\"call at 10\"}");
        ApiResponse refused = send("PATCH", FOLLOWUPS + "/" + id, "{\"status\":\"no_such_status\"}");
        ApiResponse delivered = send("PUT", FOLLOWUPS + "/" + id, "{\"status\":\"deal_found\",\"summary\":\"Will pay Friday\"}");
        ApiResponse failed = send("PATCH", FOLLOWUPS + "/" + id, "{\"status\":\"failed\"}");

        assertThat(List.of(created.status(), scheduled.status(), refused.status(), delivered.status(), failed.status()))
                .containsExactly(201, 200, 400, 200, 200);
        List<Event> events = RecordedWebhookEvents.of(jdbc, subscription).subList(setUp.size(), setUp.size() + 6);
        assertThat(types(RecordedWebhookEvents.of(jdbc, subscription))).hasSize(setUp.size() + 6);
        assertThat(types(events)).containsExactly(WebhookEvents.FOLLOWUP_CREATED, WebhookEvents.FOLLOWUP_UPDATED,
                WebhookEvents.FOLLOWUP_UPDATED, WebhookEvents.FOLLOWUP_COMPLETED, WebhookEvents.FOLLOWUP_UPDATED,
                WebhookEvents.FOLLOWUP_FAILED);
        assertThat(events.get(0).data()).as("the create's answer").isEqualTo(created.json().get("data"));
        assertThat(events.get(1).data()).isEqualTo(scheduled.json().get("data"));
        assertThat(events.get(1).changes().propertyNames()).containsExactlyInAnyOrder("status", "notes");
        assertThat(events.get(1).changes().get("status").get("old").asString()).isEqualTo("on_hold");
        assertThat(events.get(2).changes().propertyNames()).containsExactlyInAnyOrder("status", "summary");
        assertThat(events.get(3).data()).isEqualTo(delivered.json().get("data"));
        assertThat(events.get(3).changes().get("status").get("new").asString()).isEqualTo("deal_found");
        assertThat(events.get(5).data().get("status").asString()).isEqualTo("failed");
        assertThat(events.get(5).changes().get("status").get("old").asString()).isEqualTo("deal_found");
    }

    @Test
    void aBatchTellsEachCreatedRowAndNothingOfTheOthers() {
        ExternalApiFixtures.createDebt(api, company, "INV-KNOWN");
        ApiResponse answer = send("POST", DEBTS + "/batch", """
                {"debts":[
                  {"temp_id":"a","firstname":"John","lastname":"Doe","email":"john@example.com","amount":10,"currency":"EUR","internal_id":"B-1"},
                  {"temp_id":"b","firstname":"Jane","lastname":"Smith","email":"jane@example.com","amount":"lots","currency":"EUR"},
                  {"temp_id":"c","firstname":"Known","lastname":"Debt","email":"k@example.com","amount":5,"currency":"EUR","internal_id":"INV-KNOWN"},
                  {"temp_id":"d","firstname":"Ana","lastname":"Lima","email":"ana@example.com","amount":7,"currency":"BRL","internal_id":"B-2"}
                ]}""");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<Event> events = RecordedWebhookEvents.of(jdbc, subscription);
        assertThat(types(events)).containsExactly(WebhookEvents.DEBT_CREATED, WebhookEvents.DEBT_CREATED, WebhookEvents.DEBT_CREATED);
        JsonNode created = answer.json().get("data").get("created");
        assertThat(events.subList(1, 3)).extracting(event -> event.data().get("id").asString())
                .containsExactly(created.get(0).get("debt_id").asString(), created.get(1).get("debt_id").asString());
        assertThat(events.get(2).data().get("internal_id").asString()).isEqualTo("B-2");
        assertThat(events.get(2).data()).as("the debt as GET answers it")
                .isEqualTo(send("GET", DEBTS + "/" + created.get(1).get("debt_id").asString(), null).json().get("data"));
    }

    @Test
    void onlyTheSubscribedTypesOfTheOwnCompanyAreRecorded() {
        UUID deletesOnly = RecordedWebhookEvents.subscribe(subscriptions, WebhookAudience.EXTERNAL, company,
                "http://localhost:" + receiver.port() + "/hooks/" + company, Set.of(WebhookEvents.DEBT_DELETED));
        String other = "debt-webhooks-other-" + UUID.randomUUID();
        ExternalApiFixtures.createDebt(api, other);
        String debt = ExternalApiFixtures.createDebt(api, company);

        assertThat(RecordedWebhookEvents.of(jdbc, deletesOnly)).isEmpty();
        assertThat(types(RecordedWebhookEvents.of(jdbc, subscription))).containsExactly(WebhookEvents.DEBT_CREATED);
        assertThat(send("DELETE", DEBTS + "/" + debt, null).status()).isEqualTo(200);
        assertThat(RecordedWebhookEvents.of(jdbc, deletesOnly)).extracting(Event::type, Event::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WebhookEvents.DEBT_DELETED, 1L));
    }

    private ApiResponse send(String method, String path, String body) {
        var request = api.request(method, path).token(tokens.external(company));
        return (body == null ? request : request.json(body)).send();
    }
}
