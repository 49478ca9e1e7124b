package io.followup.webhooks;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription endpoints of both surfaces over HTTP: their answers, their envelopes, owners kept apart, bad input. */
class WebhookEndpointsIntegrationTests extends IntegrationTest {

    private static final String EXTERNAL = "/external-api/v1/webhooks";
    private static final String BACKEND = "/backend/followup/webhooks";
    private static final String RECEIVER = "http://localhost:9/hooks";

    @Test
    void anIntegratorManagesItsSubscriptionInGetBillsEnvelope() {
        String token = tokens.external("wh-" + UUID.randomUUID());

        ApiResponse created = api.request("POST", EXTERNAL).token(token)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"followup.created\", \"debt.created\"]}").send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("error").asBoolean()).isFalse();
        assertThat(created.json().path("message").asString()).isEqualTo("Webhook created successfully");
        JsonNode data = created.json().path("data");
        assertThat(data.path("secret").asString()).matches("[0-9a-f]{64}");
        String id = data.path("webhook").path("id").asString();
        assertThat(created.header("Location")).isEqualTo(EXTERNAL + "/" + id);
        assertThat(data.path("webhook").path("event_types").toString()).isEqualTo("[\"debt.created\",\"followup.created\"]");
        assertThat(data.path("webhook").path("active").asBoolean()).isTrue();

        ApiResponse got = api.request("GET", EXTERNAL + "/" + id).token(token).send();
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("message").asString()).isEqualTo("Success");
        assertThat(got.body()).as("the secret is shown once").doesNotContain(data.path("secret").asString());
        ApiResponse list = api.request("GET", EXTERNAL).token(token).send();
        assertThat(list.json().path("data").size()).isEqualTo(1);
        assertThat(list.json().path("pagination").isObject()).as(list.toString()).isTrue();

        ApiResponse patched = api.request("PATCH", EXTERNAL + "/" + id).token(token).json("{\"active\": false}").send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("data").path("active").asBoolean()).isFalse();
        assertThat(patched.json().path("data").path("url").asString()).as("left out, kept").isEqualTo(RECEIVER);

        ApiResponse rotated = api.request("POST", EXTERNAL + "/" + id + "/secret").token(token).json("{\"grace_period\": \"PT1H\"}").send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().path("data").path("secret").asString()).isNotEqualTo(data.path("secret").asString());
        assertThat(rotated.json().path("data").path("webhook").path("previous_secret_expires_at").isString()).isTrue();

        ApiResponse deleted = api.request("DELETE", EXTERNAL + "/" + id).token(token).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"error\":false,\"message\":\"Webhook deleted successfully\"}");
        assertThat(api.request("GET", EXTERNAL + "/" + id).token(token).send().status()).isEqualTo(404);
    }

    @Test
    void aTestEventShowsInTheDeliveryLogAndCanBeRedelivered() {
        String token = tokens.external("wh-" + UUID.randomUUID());
        String id = api.request("POST", EXTERNAL).token(token)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"debt.created\"]}").send()
                .json().path("data").path("webhook").path("id").asString();

        ApiResponse test = api.request("POST", EXTERNAL + "/" + id + "/test").token(token).send();

        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        JsonNode delivery = test.json().path("data");
        assertThat(delivery.path("event_type").asString()).isEqualTo("webhook.test");
        assertThat(delivery.path("attempt").asInt()).isEqualTo(1);
        ApiResponse log = api.request("GET", EXTERNAL + "/" + id + "/deliveries").token(token).send();
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        // Its endpoint refuses connections, so a retry (attempt 2, newer) may already be in the log above it.
        assertThat(log.json().path("data").valueStream().map(row -> row.path("delivery_id").asString()))
                .contains(delivery.path("delivery_id").asString());
        assertThat(log.json().path("data").valueStream().map(row -> row.path("event_id").asString()).distinct())
                .containsExactly(delivery.path("event_id").asString());
        ApiResponse again = api.request("POST", EXTERNAL + "/" + id + "/deliveries/" + delivery.path("delivery_id").asString()
                + "/redeliver").token(token).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("data").path("event_id").asString()).as("the same event").isEqualTo(delivery.path("event_id").asString());
        assertThat(again.json().path("data").path("delivery_id").asString()).as("a new delivery").isNotEqualTo(delivery.path("delivery_id").asString());
    }

    @Test
    void theBackendHasItsOwnSubscriptionsAndAnswersInProblemDetails() {
        UUID tenant = UUID.randomUUID();
        String token = tokens.backend(tenant);

        ApiResponse created = api.request("POST", BACKEND).token(token)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"step.sent\", \"enrollment.stopped\"]}").send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("webhook").path("id").asString();
        assertThat(created.header("Location")).isEqualTo(BACKEND + "/" + id);
        assertThat(api.request("GET", BACKEND).token(token).send().json().path("items").size()).isEqualTo(1);
        ApiResponse externalTypes = api.request("POST", BACKEND).token(token)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"debt.created\"]}").send();
        assertThat(externalTypes.status()).as("an external event type on the backend: " + externalTypes).isEqualTo(400);
        assertThat(externalTypes.contentType()).startsWith("application/problem+json");
        assertThat(externalTypes.json().path("errors").has("event_types")).as(externalTypes.toString()).isTrue();
        ApiResponse otherTenant = api.request("GET", BACKEND + "/" + id).token(tokens.backend(UUID.randomUUID())).send();
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(api.request("DELETE", BACKEND + "/" + id).token(token).send().status()).isEqualTo(204);
    }

    @Test
    void anotherCompanysSubscriptionIsNotFoundAndScopesAreEnforced() {
        String owner = tokens.external("wh-" + UUID.randomUUID());
        String id = api.request("POST", EXTERNAL).token(owner)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"debt.created\"]}").send()
                .json().path("data").path("webhook").path("id").asString();
        String stranger = tokens.external("wh-" + UUID.randomUUID());

        for (String[] call : new String[][] {{"GET", ""}, {"PATCH", ""}, {"DELETE", ""}, {"POST", "/secret"}, {"GET", "/deliveries"},
                {"POST", "/test"}}) {
            ApiResponse response = api.request(call[0], EXTERNAL + "/" + id + call[1]).token(stranger)
                    .json(call[0].equals("PATCH") ? "{\"active\": false}" : "{}").send();
            assertThat(response.status()).as(call[0] + call[1] + " of another company's: " + response).isEqualTo(404);
            assertThat(response.json().path("message").asString()).isEqualTo("Webhook not found");
        }
        String readOnly = tokens.sign(Map.of("company_id", "wh-" + UUID.randomUUID(), "scope", "webhooks:read"), Duration.ofHours(1));
        ApiResponse refused = api.request("POST", EXTERNAL).token(readOnly)
                .json("{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"debt.created\"]}").send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asString()).isEqualTo("Required scope \"webhooks:write\" not found in token");
        assertThat(api.request("GET", EXTERNAL + "/" + id).token(owner).send().json().path("data").path("active").asBoolean())
                .as("nothing changed").isTrue();
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        String token = tokens.external("wh-" + UUID.randomUUID());
        Map<String, String> bodies = Map.of(
                "{\"url\": \"ftp://example.com/x\", \"event_types\": [\"debt.created\"]}", "url",
                "{\"url\": \"not a url\", \"event_types\": [\"debt.created\"]}", "url",
                "{\"url\": \"https://user:pw@example.com/x\", \"event_types\": [\"debt.created\"]}", "url",
                "{\"url\": \"https://example.com/" + "x".repeat(2100) + "\", \"event_types\": [\"debt.created\"]}", "url",
                "{\"event_types\": [\"debt.created\"]}", "url",
                "{\"url\": \"" + RECEIVER + "\", \"event_types\": []}", "event_types",
                "{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"debt.exploded\"]}", "event_types",
                "{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"step.sent\"]}", "event_types",
                "{\"url\": \"" + RECEIVER + "\", \"event_types\": [\"webhook.test\"]}", "event_types",
                "{\"url\": \"" + RECEIVER + "\"}", "event_types");
        bodies.forEach((body, field) -> {
            ApiResponse response = api.request("POST", EXTERNAL).token(token).json(body).send();
            String where = body.substring(0, Math.min(body.length(), 90)) + " answered " + response.status() + " " + response.body();
            assertThat(response.status()).as(where).isEqualTo(400);
            assertThat(response.json().path("details").has(field)).as(where).isTrue();
        });
        assertThat(api.request("GET", EXTERNAL).token(token).send().json().path("data").size()).as("nothing made").isZero();
        ApiResponse badId = api.request("GET", EXTERNAL + "/not-a-uuid").token(token).send();
        assertThat(badId.status()).as(badId.toString()).isIn(400, 404);
        ApiResponse badGrace = api.request("POST", EXTERNAL + "/" + UUID.randomUUID() + "/secret").token(token)
                .json("{\"grace_period\": \"soon\"}").send();
        assertThat(badGrace.status()).as(badGrace.toString()).isEqualTo(400);
    }
}
