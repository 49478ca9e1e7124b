package io.followup.config;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and unauthorized requests to {@code /backend/followup/configs}: each must be a 4xx RFC 9457
 * problem naming the field at fault, and must write nothing. Every case runs in tenants of its own.
 */
class ConfigBadInputIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONFIGS = "/backend/followup/configs";
    private static final String WRITE_SCOPE_MISSING = "Required scope \"followup-configs:write\" not found in token";
    private static final String READ_SCOPE_MISSING = "Required scope \"followup-configs:read\" not found in token";

    /** The kind of bearer token a case sends, issued for the case's calling tenant. */
    enum Token { VALID, NONE, EXPIRED, FORGED, GARBAGE, READ_ONLY, WRITE_ONLY, TENANT_NOT_UUID, NO_TENANT }

    /** In the existing-config cases: whether the config's own tenant calls, or another tenant. */
    enum Caller { OWNER, STRANGER }

    /**
     * One bad request. {@code path} may hold {tenant} (the caller's tenant), {other} (another tenant),
     * {random} (a random UUID) and {id} (the existing config); {@code ifMatch} may hold {stale}.
     */
    record BadCase(String name, String method, String path, Token token, String contentType, String body,
            String ifMatch, Caller caller, int status, String errorKey, String detail) {

        BadCase token(Token kind) {
            return new BadCase(name, method, path, kind, contentType, body, ifMatch, caller, status, errorKey, detail);
        }

        BadCase contentType(String type) {
            return new BadCase(name, method, path, token, type, body, ifMatch, caller, status, errorKey, detail);
        }

        BadCase ifMatch(String value) {
            return new BadCase(name, method, path, token, contentType, body, value, caller, status, errorKey, detail);
        }

        BadCase by(Caller who) {
            return new BadCase(name, method, path, token, contentType, body, ifMatch, who, status, errorKey, detail);
        }

        BadCase detail(String exact) {
            return new BadCase(name, method, path, token, contentType, body, ifMatch, caller, status, errorKey, exact);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record StoredRow(long version, OffsetDateTime updatedAt, String wholeRow) {
    }

    // ------------------------------------------------------------------ cases without stored config

    static Stream<BadCase> badRequests() {
        String base = json(base());
        List<BadCase> cases = new ArrayList<>();

        // broken JSON
        cases.add(post("broken JSON: truncated object", base.substring(0, base.length() / 2), 400, "body"));
        cases.add(post("broken JSON: trailing comma", base.substring(0, base.length() - 1) + ",}", 400, "body"));
        cases.add(post("broken JSON: not JSON at all", "assistant_id=abc&steps=1", 400, "body"));
        cases.add(post("broken JSON: array instead of object", "[" + base + "]", 400, "body"));
        cases.add(post("broken JSON: bare string", "\"a follow-up config\"", 400, "body"));
        cases.add(post("broken JSON: empty body", "", 400, "body"));
        cases.add(post("broken JSON: literal null", "null", 400, "body"));

        // wrong types
        cases.add(post("wrong type: assistant_id is a number", body(b -> b.put("assistant_id", 123)), 400, "assistant_id"));
        cases.add(post("wrong type: trigger_status_ids is a string",
                body(b -> b.put("trigger_status_ids", UUID.randomUUID().toString())), 400, "trigger_status_ids"));
        cases.add(post("wrong type: steps is an object", body(b -> b.set("steps", step(b, 0).deepCopy())), 400, "steps"));
        cases.add(post("wrong type: official_steps is an object",
                body(b -> b.set("official_steps", channel(b, 0).deepCopy())), 400, "official_steps"));
        cases.add(post("wrong type: interval is a number", body(b -> step(b, 0).put("interval", 30)), 400, "steps[0].interval"));
        cases.add(post("wrong type: prompt is a number", body(b -> step(b, 0).put("prompt", 42)), 400, "steps[0].prompt"));
        cases.add(post("wrong type: is_active is \"yes\"", body(b -> b.put("is_active", "yes")), 400, "is_active"));
        cases.add(post("wrong type: is_active is 1", body(b -> b.put("is_active", 1)), 400, "is_active"));
        cases.add(post("wrong type: template_params is a string",
                body(b -> officialStep(b, 0, 0).put("template_params", "{{LEAD_FIRSTNAME}}")), 400,
                "official_steps[0].steps[0].template_params"));

        // nulls and absent required fields
        cases.add(post("null: assistant_id", body(b -> b.putNull("assistant_id")), 400, "assistant_id"));
        cases.add(post("absent: assistant_id", body(b -> b.remove("assistant_id")), 400, "assistant_id"));
        cases.add(post("null: trigger_status_ids", body(b -> b.putNull("trigger_status_ids")), 400, "trigger_status_ids"));
        cases.add(post("null: element of trigger_status_ids",
                body(b -> ((ArrayNode) b.get("trigger_status_ids")).insertNull(0)), 400, "trigger_status_ids[0]"));
        cases.add(post("null: a step", body(b -> ((ArrayNode) b.get("steps")).set(0, b.nullNode())), 400, "steps[0]"));
        cases.add(post("null: an official channel",
                body(b -> ((ArrayNode) b.get("official_steps")).set(0, b.nullNode())), 400, "official_steps[0]"));
        cases.add(post("null: element of template_params",
                body(b -> ((ArrayNode) officialStep(b, 0, 0).get("template_params")).set(0, b.nullNode())), 400,
                "official_steps[0].steps[0].template_params[0]"));
        cases.add(post("absent: interval", body(b -> step(b, 0).remove("interval")), 400, "steps[0].interval"));

        // empty arrays
        cases.add(post("empty: trigger_status_ids []", body(b -> b.putArray("trigger_status_ids")), 400, "trigger_status_ids"));
        cases.add(post("empty: steps [] without official_steps", body(b -> {
            b.putArray("steps");
            b.remove("official_steps");
        }), 400, "steps"));
        cases.add(post("empty: official_steps[0].steps []", body(b -> channel(b, 0).putArray("steps")), 400,
                "official_steps[0].steps"));

        // bad UUIDs
        cases.add(post("bad UUID: assistant_id \"uuid\"", body(b -> b.put("assistant_id", "uuid")), 400, "assistant_id"));
        cases.add(post("bad UUID: assistant_id \"123\"", body(b -> b.put("assistant_id", "123")), 400, "assistant_id"));
        cases.add(post("bad UUID: trigger status id",
                body(b -> ((ArrayNode) b.get("trigger_status_ids")).add("status-open")), 400, "trigger_status_ids[1]"));
        cases.add(get("bad UUID: GET /configs/not-a-uuid", CONFIGS + "/not-a-uuid", 400, "id"));
        cases.add(new BadCase("bad UUID: PUT /configs/not-a-uuid", "PUT", CONFIGS + "/not-a-uuid", Token.VALID,
                "application/json", "{\"is_active\":false}", null, null, 400, "id", null));
        cases.add(new BadCase("bad UUID: DELETE /configs/not-a-uuid", "DELETE", CONFIGS + "/not-a-uuid", Token.VALID,
                null, null, null, null, 400, "id", null));
        cases.add(get("bad UUID: GET /configs/assistant/xyz", CONFIGS + "/assistant/xyz", 400, "assistantId"));
        cases.add(get("bad UUID: GET /configs/tenant/xyz", CONFIGS + "/tenant/xyz", 400, "tenantId"));

        // intervals
        for (String interval : List.of("PT29M", "P1M", "P1Y", "PT-30M", "-PT30M", "30 minutes", "", "P", "PT")) {
            cases.add(post("interval \"" + interval + "\"", body(b -> step(b, 0).put("interval", interval)), 400,
                    "steps[0].interval"));
        }
        cases.add(post("interval PT10M in an official step", body(b -> officialStep(b, 0, 0).put("interval", "PT10M")), 400,
                "official_steps[0].steps[0].interval"));
        for (String interval : List.of("P1D", "P1W", "PT24H")) {
            cases.add(post("interval " + interval + " without template_name",
                    body(b -> step(b, 0).put("interval", interval)), 400, "steps[0].template_name"));
        }

        // step rules
        cases.add(post("step with neither prompt nor template_name", body(b -> step(b, 0).remove("prompt")), 400,
                "steps[0].prompt"));
        cases.add(post("4 steps in total (2 AI + 2 official)",
                body(b -> ((ArrayNode) channel(b, 0).get("steps")).add(officialStep(b, 0, 0).deepCopy())), 400, "steps"));
        cases.add(post("4 AI steps", body(b -> {
            b.remove("official_steps");
            ArrayNode steps = (ArrayNode) b.get("steps");
            steps.add(step(b, 0).deepCopy());
            steps.add(step(b, 1).deepCopy());
        }), 400, "steps"));
        cases.add(post("duplicate channel_id", body(b -> {
            ((ArrayNode) b.get("steps")).remove(1);
            ((ArrayNode) b.get("official_steps")).add(channel(b, 0).deepCopy());
        }), 400, "official_steps[1].channel_id"));
        cases.add(post("official step without channel_id", body(b -> channel(b, 0).remove("channel_id")), 400,
                "official_steps[0].channel_id"));
        cases.add(post("official step without app_id", body(b -> channel(b, 0).remove("app_id")), 400,
                "official_steps[0].app_id"));
        cases.add(post("duplicate trigger_status_ids", body(b -> {
            ArrayNode ids = (ArrayNode) b.get("trigger_status_ids");
            ids.add(ids.get(0).deepCopy());
        }), 400, "trigger_status_ids"));
        cases.add(post("unknown field foo", body(b -> b.put("foo", 1)), 400, "foo"));
        cases.add(post("unknown field inside a step", body(b -> step(b, 0).put("foo", 1)), 400, "steps[0].foo"));
        cases.add(post("prompt of 5000 characters", body(b -> step(b, 0).put("prompt", "x".repeat(5000))), 400,
                "steps[0].prompt"));
        cases.add(post("template_language \"english\"",
                body(b -> officialStep(b, 0, 0).put("template_language", "english")), 400,
                "official_steps[0].steps[0].template_language"));
        cases.add(post("template_name with spaces and capitals",
                body(b -> officialStep(b, 0, 0).put("template_name", "Reengagement V1")), 400,
                "official_steps[0].steps[0].template_name"));

        // transport
        cases.add(post("body over 64 KB", body(b -> step(b, 0).put("prompt", "x".repeat(70_000))), 413, "body"));
        cases.add(post("Content-Type text/plain with a valid JSON body", base, 415, "Content-Type").contentType("text/plain"));
        cases.add(post("no Content-Type with a valid JSON body", base, 415, "Content-Type").contentType(null));

        // authentication and authorization
        cases.add(post("no token", base, 401, null).token(Token.NONE));
        cases.add(get("no token on GET by id", CONFIGS + "/{random}", 401, null).token(Token.NONE));
        cases.add(post("expired token", base, 401, null).token(Token.EXPIRED));
        cases.add(post("forged token", base, 401, null).token(Token.FORGED));
        cases.add(post("garbage token \"abc\"", base, 401, null).token(Token.GARBAGE));
        cases.add(post("POST without the write scope", base, 403, null).token(Token.READ_ONLY).detail(WRITE_SCOPE_MISSING));
        cases.add(get("GET without the read scope", CONFIGS + "/tenant/{tenant}", 403, null)
                .token(Token.WRITE_ONLY).detail(READ_SCOPE_MISSING));
        cases.add(post("token whose tenant_id is not a UUID", base, 403, null).token(Token.TENANT_NOT_UUID));
        cases.add(post("token without tenant_id", base, 403, null).token(Token.NO_TENANT));
        cases.add(get("list of another tenant", CONFIGS + "/tenant/{other}", 403, null));

        // listing parameters
        cases.add(get("list page=-1", CONFIGS + "/tenant/{tenant}?page=-1", 400, "page"));
        cases.add(get("list page=abc", CONFIGS + "/tenant/{tenant}?page=abc", 400, "page"));
        cases.add(get("list size=0", CONFIGS + "/tenant/{tenant}?size=0", 400, "size"));
        cases.add(get("list size=101", CONFIGS + "/tenant/{tenant}?size=101", 400, "size"));
        cases.add(get("list size=abc", CONFIGS + "/tenant/{tenant}?size=abc", 400, "size"));

        // routes and missing resources
        cases.add(get("unknown route /backend/followup/nope", "/backend/followup/nope", 404, null));
        cases.add(get("config id that does not exist", CONFIGS + "/{random}", 404, null));
        cases.add(get("assistant without a config", CONFIGS + "/assistant/{random}", 404, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void refusesBadRequestAndWritesNothing(BadCase c) {
        UUID tenant = UUID.randomUUID();
        String path = c.path().replace("{tenant}", tenant.toString())
                .replace("{other}", UUID.randomUUID().toString())
                .replace("{random}", UUID.randomUUID().toString());
        UUID assistant = assistantIn(c.body());
        long before = countConfigs(tenant);

        ApiResponse response = send(c, path, tenant, c.ifMatch());

        assertProblem(c, path, response);
        assertThat(countConfigs(tenant)).as(c.name() + ": configs of the tenant").isEqualTo(before);
        if (assistant != null) {
            assertThat(jdbc.queryForObject("select count(*) from followup_config where assistant_id = ?", Long.class, assistant))
                    .as(c.name() + ": configs of the body's assistant, in any tenant").isZero();
        }
    }

    // ------------------------------------------------------------------ cases on a stored config

    static Stream<BadCase> badRequestsOnExistingConfig() {
        String one = "{\"is_active\":true}";
        String aiStep = "{\"interval\":\"PT30M\",\"prompt\":\"Hi\"}";
        return Stream.of(
                onConfig("another tenant's config: GET", "GET", null, 404, null).by(Caller.STRANGER),
                onConfig("another tenant's config: PUT", "PUT", one, 404, null).by(Caller.STRANGER),
                onConfig("another tenant's config: DELETE", "DELETE", null, 404, null).by(Caller.STRANGER),
                onConfig("PUT changing assistant_id", "PUT", "{\"assistant_id\":\"" + UUID.randomUUID() + "\"}", 400,
                        "assistant_id"),
                onConfig("PUT with If-Match of an old version", "PUT", one, 412, "If-Match").ifMatch("\"{stale}\""),
                onConfig("PUT with malformed If-Match \"abc\"", "PUT", one, 400, "If-Match").ifMatch("abc"),
                onConfig("DELETE with If-Match of an old version", "DELETE", null, 412, "If-Match").ifMatch("\"{stale}\""),
                onConfig("DELETE with malformed If-Match \"abc\"", "DELETE", null, 400, "If-Match").ifMatch("abc"),
                onConfig("PATCH is not a method of /configs/{id}", "PATCH", one, 405, null),
                onConfig("PUT interval PT29M", "PUT", "{\"steps\":[{\"interval\":\"PT29M\",\"prompt\":\"Hi\"}]}", 400,
                        "steps[0].interval"),
                onConfig("PUT AI step P1D without template_name", "PUT",
                        "{\"steps\":[{\"interval\":\"P1D\",\"prompt\":\"Hi\"}]}", 400, "steps[0].template_name"),
                onConfig("PUT trigger_status_ids []", "PUT", "{\"trigger_status_ids\":[]}", 400, "trigger_status_ids"),
                onConfig("PUT null element of trigger_status_ids", "PUT", "{\"trigger_status_ids\":[null]}", 400,
                        "trigger_status_ids[0]"),
                onConfig("PUT 3 AI steps plus the stored official step", "PUT",
                        "{\"steps\":[" + aiStep + "," + aiStep + "," + aiStep + "]}", 400, "steps"),
                onConfig("PUT removing every step", "PUT", "{\"steps\":[],\"official_steps\":[]}", 400, "steps"),
                onConfig("PUT is_active \"yes\"", "PUT", "{\"is_active\":\"yes\"}", 400, "is_active"),
                onConfig("PUT unknown field foo", "PUT", "{\"foo\":1}", 400, "foo"),
                onConfig("PUT broken JSON", "PUT", "{\"is_active\":", 400, "body"),
                onConfig("PUT empty body", "PUT", "", 400, "body"),
                onConfig("PUT Content-Type text/plain", "PUT", one, 415, "Content-Type").contentType("text/plain"),
                onConfig("PUT without the write scope", "PUT", one, 403, null).token(Token.READ_ONLY).detail(WRITE_SCOPE_MISSING),
                onConfig("DELETE without the write scope", "DELETE", null, 403, null).token(Token.READ_ONLY)
                        .detail(WRITE_SCOPE_MISSING),
                onConfig("PUT without token", "PUT", one, 401, null).token(Token.NONE),
                onConfig("DELETE without token", "DELETE", null, 401, null).token(Token.NONE),
                onConfig("DELETE with expired token", "DELETE", null, 401, null).token(Token.EXPIRED));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequestsOnExistingConfig")
    void refusesBadRequestOnStoredConfigAndLeavesItUntouched(BadCase c) {
        UUID owner = UUID.randomUUID();
        UUID caller = c.caller() == Caller.STRANGER ? UUID.randomUUID() : owner;
        UUID id = createConfig(owner);
        // one accepted update, so that version 0 is a real, stale ETag
        ApiResponse updated = api.request("PUT", CONFIGS + "/" + id).token(tokens.backend(owner))
                .json("{\"is_active\":false}").send();
        assertThat(updated.status()).as("set-up update: " + updated).isEqualTo(200);
        StoredRow before = storedRow(id).get(0);
        assertThat(before.version()).as("version after one update").isPositive();
        long ownerBefore = countConfigs(owner);
        long callerBefore = countConfigs(caller);
        String path = c.path().replace("{id}", id.toString());
        String ifMatch = c.ifMatch() == null ? null : c.ifMatch().replace("{stale}", String.valueOf(before.version() - 1));

        ApiResponse response = send(c, path, caller, ifMatch);

        assertProblem(c, path, response);
        if (c.status() == 405) {
            assertThat(response.header("Allow")).as(c.name() + ": Allow header of " + response.headers().map())
                    .isNotNull().contains("GET", "PUT", "DELETE").doesNotContain("PATCH");
        }
        assertThat(storedRow(id)).as(c.name() + ": the stored config (version, updated_at, whole row)").containsExactly(before);
        assertThat(countConfigs(owner)).as(c.name() + ": configs of the owner").isEqualTo(ownerBefore);
        assertThat(countConfigs(caller)).as(c.name() + ": configs of the caller").isEqualTo(callerBefore);
    }

    // ------------------------------------------------------------------ positive control

    @Test
    void theBaseBodyIsValid() {
        UUID tenant = UUID.randomUUID();
        ObjectNode body = base();
        long before = countConfigs(tenant);

        ApiResponse response = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json(json(body)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(response.json().path("assistant_id").asString()).isEqualTo(body.get("assistant_id").asString());
        assertThat(response.json().path("tenant_id").asString()).isEqualTo(tenant.toString());
        assertThat(countConfigs(tenant)).isEqualTo(before + 1);
    }

    // ------------------------------------------------------------------ helpers

    private UUID createConfig(UUID tenant) {
        ApiResponse created = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json(json(base())).send();
        assertThat(created.status()).as("set-up create: " + created).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private List<StoredRow> storedRow(UUID id) {
        return jdbc.query("select version, updated_at, row_to_json(c)::text as whole_row from followup_config c where id = ?",
                (rs, n) -> new StoredRow(rs.getLong("version"), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("whole_row")), id);
    }

    private long countConfigs(UUID tenant) {
        return jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?", Long.class, tenant);
    }

    private ApiResponse send(BadCase c, String path, UUID tenant, String ifMatch) {
        ApiClient.Request request = api.request(c.method(), path);
        String token = issue(c.token(), tenant);
        if (token != null) {
            request.token(token);
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (c.body() != null) {
            request.body(c.body());
        }
        return request.send();
    }

    private static String issue(Token kind, UUID tenant) {
        Map<String, Object> all = Map.of("tenant_id", tenant.toString(), "scope", TestTokens.BACKEND_SCOPES);
        return switch (kind) {
            case VALID -> tokens.backend(tenant);
            case NONE -> null;
            case EXPIRED -> tokens.sign(all, Duration.ofMinutes(-10));
            case FORGED -> TestTokens.forged(all);
            case GARBAGE -> "abc";
            case READ_ONLY -> tokens.backend(tenant, "followup-configs:read followup-events:write");
            case WRITE_ONLY -> tokens.backend(tenant, "followup-configs:write followup-events:write");
            case TENANT_NOT_UUID -> tokens.sign(Map.of("tenant_id", "tenant-" + tenant, "scope", TestTokens.BACKEND_SCOPES),
                    Duration.ofHours(1));
            case NO_TENANT -> tokens.sign(Map.of("scope", TestTokens.BACKEND_SCOPES), Duration.ofHours(1));
        };
    }

    private static void assertProblem(BadCase c, String path, ApiResponse response) {
        String where = c.name() + ": " + c.method() + " " + path + " answered " + response.status() + " ["
                + response.contentType() + "] " + abbreviate(response.body());
        assertThat(response.status()).as(where).isEqualTo(c.status());
        assertThat(response.contentType()).as(where + " / Content-Type").isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .as(where + " / Content-Type is application/problem+json").isTrue();
        JsonNode problem = response.json();
        assertThat(problem).as(where + " / JSON body").isNotNull();
        assertThat(problem.isObject()).as(where + " / body is an object").isTrue();
        assertThat(problem.path("status").isInt()).as(where + " / status member is a number").isTrue();
        assertThat(problem.path("status").asInt()).as(where + " / status member").isEqualTo(c.status());
        assertThat(problem.path("detail").isString()).as(where + " / detail member is a string").isTrue();
        assertThat(problem.path("detail").asString()).as(where + " / detail member").isNotBlank();
        if (c.detail() != null) {
            assertThat(problem.path("detail").asString()).as(where + " / detail member").isEqualTo(c.detail());
        }
        if (c.errorKey() != null) {
            JsonNode errors = problem.path("errors");
            assertThat(errors.isObject()).as(where + " / errors member is an object").isTrue();
            assertThat(errors.propertyNames()).as(where + " / errors keys").contains(c.errorKey());
            assertThat(errors.path(c.errorKey()).asString()).as(where + " / errors." + c.errorKey()).isNotBlank();
        }
        if (c.status() == 401) {
            assertThat(response.header("WWW-Authenticate")).as(where + " / WWW-Authenticate").startsWith("Bearer");
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "<no body>";
        }
        return text.length() <= 600 ? text : text.substring(0, 600) + "...(" + text.length() + " chars)";
    }

    /** The body's assistant_id when it is a UUID, to check that no tenant got a config for it. */
    private static UUID assistantIn(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            if (node != null && node.path("assistant_id").isString()) {
                return UUID.fromString(node.path("assistant_id").asString());
            }
        }
        catch (RuntimeException notJsonOrNotUuid) {
            // then there is no assistant to look for
        }
        return null;
    }

    /** The seed's example request, with real UUIDs. */
    static ObjectNode base() {
        ObjectNode body = JSON.createObjectNode();
        body.put("assistant_id", UUID.randomUUID().toString());
        body.putArray("trigger_status_ids").add(UUID.randomUUID().toString());
        ArrayNode steps = body.putArray("steps");
        steps.addObject().put("interval", "PT30M").put("prompt", "Friendly follow-up message");
        steps.addObject().put("interval", "PT2H").put("prompt", "Offer a product demo");
        ObjectNode channel = body.putArray("official_steps").addObject()
                .put("channel_id", UUID.randomUUID().toString())
                .put("channel_name", "WhatsApp Business")
                .put("app_id", "gupshup_app_12345");
        ObjectNode template = channel.putArray("steps").addObject()
                .put("interval", "P1D")
                .put("template_name", "reengagement_v1")
                .put("template_language", "en");
        template.putArray("template_params").add("{{LEAD_FIRSTNAME}}");
        return body;
    }

    private static String body(Consumer<ObjectNode> edit) {
        ObjectNode body = base();
        edit.accept(body);
        return json(body);
    }

    private static String json(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    private static ObjectNode step(ObjectNode body, int index) {
        return (ObjectNode) body.get("steps").get(index);
    }

    private static ObjectNode channel(ObjectNode body, int index) {
        return (ObjectNode) body.get("official_steps").get(index);
    }

    private static ObjectNode officialStep(ObjectNode body, int channel, int index) {
        return (ObjectNode) channel(body, channel).get("steps").get(index);
    }

    private static BadCase post(String name, String body, int status, String errorKey) {
        return new BadCase(name, "POST", CONFIGS, Token.VALID, "application/json", body, null, null, status, errorKey, null);
    }

    private static BadCase get(String name, String path, int status, String errorKey) {
        return new BadCase(name, "GET", path, Token.VALID, null, null, null, null, status, errorKey, null);
    }

    private static BadCase onConfig(String name, String method, String body, int status, String errorKey) {
        return new BadCase(name, method, CONFIGS + "/{id}", Token.VALID, body == null ? null : "application/json", body,
                null, Caller.OWNER, status, errorKey, null);
    }
}
