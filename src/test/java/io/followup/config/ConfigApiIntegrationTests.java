package io.followup.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration API end to end: HTTP, security, service and real PostgreSQL. */
class ConfigApiIntegrationTests extends IntegrationTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void seedExampleRoundTrip() {
        UUID assistant = UUID.randomUUID();
        UUID status = UUID.randomUUID();
        UUID channel = UUID.randomUUID();

        ApiResponse created = post(ConfigBodies.seedExample(assistant, status, channel));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode config = created.json();
        String id = config.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/backend/followup/configs/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(config.get("tenant_id").asString()).isEqualTo(tenant.toString());
        assertThat(config.get("assistant_id").asString()).isEqualTo(assistant.toString());
        assertThat(config.get("trigger_status_ids").get(0).asString()).isEqualTo(status.toString());
        assertThat(config.get("steps")).hasSize(2);
        assertThat(config.get("steps").get(0).get("interval").asString()).isEqualTo("PT30M");
        assertThat(config.get("steps").get(0).get("prompt").asString()).isEqualTo("Friendly follow-up message");
        assertThat(config.get("steps").get(1).get("interval").asString()).isEqualTo("PT2H");
        JsonNode official = config.get("official_steps").get(0);
        assertThat(official.get("channel_id").asString()).isEqualTo(channel.toString());
        assertThat(official.get("channel_name").asString()).isEqualTo("WhatsApp Business");
        assertThat(official.get("app_id").asString()).isEqualTo("gupshup_app_12345");
        JsonNode template = official.get("steps").get(0);
        assertThat(template.get("interval").asString()).isEqualTo("P1D");
        assertThat(template.get("template_name").asString()).isEqualTo("reengagement_v1");
        assertThat(template.get("template_language").asString()).isEqualTo("en");
        assertThat(template.get("template_params").get(0).asString()).isEqualTo("{{LEAD_FIRSTNAME}}");
        assertThat(config.get("is_active").asBoolean()).isTrue();
        assertThat(config.get("created_at").asString()).isEqualTo(config.get("updated_at").asString());

        ApiResponse byId = get("/backend/followup/configs/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(config);
        ApiResponse byAssistant = get("/backend/followup/configs/assistant/" + assistant);
        assertThat(byAssistant.status()).isEqualTo(200);
        assertThat(byAssistant.json()).isEqualTo(config);
        assertThat(jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?", Long.class, tenant)).isEqualTo(1);
    }

    @Test
    void intervalsAreEchoedAsGivenAndTemplateLanguageDefaultsToPtBr() {
        ApiResponse created = post("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT1H30M", "prompt": "Hi"}, {"interval": "P1DT12H", "template_name": "promo_v2"}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode steps = created.json().get("steps");
        assertThat(steps.get(0).get("interval").asString()).isEqualTo("PT1H30M");
        assertThat(steps.get(1).get("interval").asString()).isEqualTo("P1DT12H");
        assertThat(steps.get(1).get("template_language").asString()).isEqualTo("pt_BR");
        assertThat(steps.get(0).has("template_language")).isFalse();
    }

    @Test
    void oneConfigPerAssistant() {
        UUID assistant = UUID.randomUUID();
        assertThat(post(ConfigBodies.oneStep(assistant)).status()).isEqualTo(201);

        ApiResponse second = post(ConfigBodies.seedExample(assistant));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).isEqualTo("application/problem+json");
        assertThat(second.json().get("errors").has("assistant_id")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?", Long.class, tenant)).isEqualTo(1);
    }

    @Test
    void putIsAPartialUpdateValidatedAsAWhole() {
        ApiResponse created = post(ConfigBodies.seedExample(UUID.randomUUID()));
        String id = created.json().get("id").asString();
        UUID newStatus = UUID.randomUUID();

        ApiResponse updated = put(id, """
                {"trigger_status_ids": ["%s"], "is_active": false}
                """.formatted(newStatus), null);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.json().get("trigger_status_ids").get(0).asString()).isEqualTo(newStatus.toString());
        assertThat(updated.json().get("is_active").asBoolean()).isFalse();
        assertThat(updated.json().get("steps")).isEqualTo(created.json().get("steps"));
        assertThat(updated.json().get("official_steps")).isEqualTo(created.json().get("official_steps"));
        assertThat(updated.json().get("created_at")).isEqualTo(created.json().get("created_at"));
        assertThat(updated.json().get("updated_at").asString()).isGreaterThan(created.json().get("updated_at").asString());

        // The seed config has 3 steps: adding an AI step must be judged together with the official ones.
        ApiResponse tooMany = put(id, """
                {"steps": [{"interval": "PT30M", "prompt": "a"}, {"interval": "PT1H", "prompt": "b"}, {"interval": "PT2H", "prompt": "c"}]}
                """, null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get("steps").asString()).contains("Maximum 3 steps");
        assertThat(get("/backend/followup/configs/" + id).json()).isEqualTo(updated.json());
    }

    @Test
    void putCanReplaceStepsAndReactivate() {
        String id = post(ConfigBodies.seedExample(UUID.randomUUID())).json().get("id").asString();
        put(id, "{\"is_active\": false}", "\"0\"");

        ApiResponse updated = put(id, """
                {"steps": [{"interval": "PT45M", "prompt": "Still there?"}], "official_steps": [], "is_active": true}
                """, "\"1\"");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("steps")).hasSize(1);
        assertThat(updated.json().get("official_steps")).isEmpty();
        assertThat(updated.json().get("is_active").asBoolean()).isTrue();
    }

    @Test
    void assistantIdCannotChangeButMayBeRepeated() {
        UUID assistant = UUID.randomUUID();
        String id = post(ConfigBodies.oneStep(assistant)).json().get("id").asString();

        assertThat(put(id, "{\"assistant_id\": \"" + assistant + "\"}", null).status()).isEqualTo(200);
        ApiResponse changed = put(id, "{\"assistant_id\": \"" + UUID.randomUUID() + "\"}", null);

        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.json().get("errors").has("assistant_id")).isTrue();
        assertThat(get("/backend/followup/configs/" + id).json().get("assistant_id").asString()).isEqualTo(assistant.toString());
    }

    @Test
    void deleteIsNoContentAndThenGone() {
        UUID assistant = UUID.randomUUID();
        String id = post(ConfigBodies.oneStep(assistant)).json().get("id").asString();

        ApiResponse deleted = api.request("DELETE", "/backend/followup/configs/" + id).token(token()).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(get("/backend/followup/configs/" + id).status()).isEqualTo(404);
        assertThat(get("/backend/followup/configs/assistant/" + assistant).status()).isEqualTo(404);
        assertThat(api.request("DELETE", "/backend/followup/configs/" + id).token(token()).send().status()).isEqualTo(404);
        // The assistant is free again.
        assertThat(post(ConfigBodies.oneStep(assistant)).status()).isEqualTo(201);
    }

    @Test
    void listIsPaginatedNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(ConfigBodies.oneStep(UUID.randomUUID())).json().get("id").asString());
        }

        ApiResponse first = get("/backend/followup/configs/tenant/" + tenant + "?page=0&size=2");
        ApiResponse last = get("/backend/followup/configs/tenant/" + tenant + "?page=2&size=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("total_elements").asLong()).isEqualTo(5);
        assertThat(first.json().get("total_pages").asInt()).isEqualTo(3);
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        assertThat(idsOf(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(idsOf(last)).containsExactly(ids.get(0));
        assertThat(get("/backend/followup/configs/tenant/" + tenant).json().get("items")).hasSize(5);
    }

    @Test
    void tenantsAreIsolated() {
        UUID assistant = UUID.randomUUID();
        String id = post(ConfigBodies.oneStep(assistant)).json().get("id").asString();
        UUID otherTenant = UUID.randomUUID();
        String other = tokens.backend(otherTenant);

        assertThat(api.request("GET", "/backend/followup/configs/" + id).token(other).send().status()).isEqualTo(404);
        assertThat(api.request("GET", "/backend/followup/configs/assistant/" + assistant).token(other).send().status()).isEqualTo(404);
        assertThat(api.request("PUT", "/backend/followup/configs/" + id).token(other).json("{\"is_active\": false}").send().status())
                .isEqualTo(404);
        assertThat(api.request("DELETE", "/backend/followup/configs/" + id).token(other).send().status()).isEqualTo(404);
        ApiResponse otherList = api.request("GET", "/backend/followup/configs/tenant/" + tenant).token(other).send();
        assertThat(otherList.status()).isEqualTo(403);
        assertThat(otherList.json().get("detail").asString()).isEqualTo("The tenant in the path is not the tenant of your token");
        assertThat(api.request("GET", "/backend/followup/configs/tenant/" + otherTenant).token(other).send().json()
                .get("total_elements").asLong()).isZero();
        // The other tenant may configure the same assistant ID for itself without a conflict.
        assertThat(api.request("POST", "/backend/followup/configs").token(other).json(ConfigBodies.oneStep(assistant)).send().status())
                .isEqualTo(201);
        assertThat(get("/backend/followup/configs/" + id).json().get("is_active").asBoolean()).isTrue();
    }

    private static List<String> idsOf(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private String token() {
        return tokens.backend(tenant);
    }

    private ApiResponse post(String body) {
        return api.request("POST", "/backend/followup/configs").token(token()).json(body).send();
    }

    private ApiResponse get(String path) {
        return api.request("GET", path).token(token()).send();
    }

    private ApiResponse put(String id, String body, String ifMatch) {
        var request = api.request("PUT", "/backend/followup/configs/" + id).token(token()).json(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.send();
    }
}
