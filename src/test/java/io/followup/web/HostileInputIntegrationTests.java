package io.followup.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.HostileJson;
import io.followup.support.HostileJson.Fuzz;
import io.followup.support.IntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing (jqwik) of every write endpoint of both surfaces with hostile bodies (see
 * {@link HostileJson}). For each request: never a 5xx; a rejection is a 4xx in the surface's error
 * format (problem details on the backend, the seed's envelope on the external API) and leaves the
 * database as it was; an acceptance is a 2xx in the surface's success format.
 *
 * <p>jqwik runs these, not Jupiter, so the Spring test context (the one all integration tests share)
 * is joined by hand before each property.
 */
class HostileInputIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Requests sent, by endpoint and answer status: the count the closing note of a run gives. */
    private static final Map<String, Map<Integer, AtomicInteger>> FUZZED = new ConcurrentHashMap<>();

    private final UUID tenant = UUID.randomUUID();
    private final String company = "fuzz-" + UUID.randomUUID();
    private FuzzTargets targets;

    @BeforeProperty
    void joinSpringContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        connectClient();
        targets = new FuzzTargets(api, tokens, clock, tenant, company);
    }

    @AfterProperty
    void stopEnrollmentsTheFuzzStarted() {
        targets.stopActiveEnrollments(jdbc);
    }

    @AfterContainer
    static void printCount() {
        int total = FUZZED.values().stream().flatMap(statuses -> statuses.values().stream()).mapToInt(AtomicInteger::get).sum();
        System.out.println("Hostile input: " + total + " fuzzed requests");
        new TreeMap<>(FUZZED).forEach((endpoint, statuses) -> System.out.println("  " + endpoint + ": " + new TreeMap<>(statuses)));
    }

    @Provide
    Arbitrary<Fuzz> fuzz() {
        return HostileJson.fuzz();
    }

    /** Which resource a PUT/PATCH names: the caller's own (mostly), a missing one, or garbage. */
    @Provide
    Arbitrary<String> target() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("own")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("missing", "garbage", "%00", "..%2F..%2Factuator", "x".repeat(150))));
    }

    // ------------------------------------------------------------------ backend

    @Property
    void createConfig(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /backend/followup/configs", "POST", "/backend/followup/configs", targets.newConfig(), fuzz, true);
    }

    @Property
    void updateConfig(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        String id = switch (target) {
            case "own" -> targets.configId();
            case "missing" -> UUID.randomUUID().toString();
            default -> target;
        };
        check("PUT /backend/followup/configs/{id}", "PUT", "/backend/followup/configs/" + id, targets.configUpdate(), fuzz, true);
    }

    @Property
    void reportEvent(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /backend/followup/events (one)", "POST", "/backend/followup/events", targets.event(), fuzz, true);
    }

    @Property
    void reportEventBatch(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /backend/followup/events (batch)", "POST", "/backend/followup/events",
                JSON.createArrayNode().add(targets.event()).add(targets.replyEvent()), fuzz, true);
    }

    // ------------------------------------------------------------------ external

    @Property
    void createDebt(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /external-api/v1/debts", "POST", "/external-api/v1/debts", targets.debt(), fuzz, false);
    }

    @Property
    void putDebt(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PUT /external-api/v1/debts/{id}", "PUT", "/external-api/v1/debts/" + debtId(target), targets.debtChange(), fuzz, false);
    }

    @Property
    void patchDebt(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PATCH /external-api/v1/debts/{id}", "PATCH", "/external-api/v1/debts/" + debtId(target), targets.debtChange(), fuzz, false);
    }

    @Property
    void createDebtBatch(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /external-api/v1/debts/batch", "POST", "/external-api/v1/debts/batch", targets.debtBatch(), fuzz, false);
    }

    private String debtId(String target) {
        return switch (target) {
            case "own" -> targets.debtId();
            case "missing" -> targets.otherCompanysDebtId();
            default -> target;
        };
    }

    @Property
    void createFollowup(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /external-api/v1/followups", "POST", "/external-api/v1/followups", targets.followup(), fuzz, false);
    }

    @Property
    void createFollowupWithEveryField(@ForAll("fuzz") Fuzz fuzz) {
        check("POST /external-api/v1/followups (every field)", "POST", "/external-api/v1/followups", targets.followupChange(), fuzz, false);
    }

    @Property
    void patchFollowup(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PATCH /external-api/v1/followups/{id}", "PATCH", "/external-api/v1/followups/" + followupId(target),
                targets.followupChange(), fuzz, false);
    }

    @Property
    void putFollowup(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PUT /external-api/v1/followups/{id}", "PUT", "/external-api/v1/followups/" + followupId(target),
                targets.followupChange(), fuzz, false);
    }

    @Property
    void putDebtor(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PUT /external-api/v1/debtors/{id}", "PUT", "/external-api/v1/debtors/" + debtorId(target), targets.debtorChange(), fuzz, false);
    }

    @Property
    void patchDebtor(@ForAll("fuzz") Fuzz fuzz, @ForAll("target") String target) {
        check("PATCH /external-api/v1/debtors/{id}", "PATCH", "/external-api/v1/debtors/" + debtorId(target), targets.debtorChange(), fuzz,
                false);
    }

    private String debtorId(String target) {
        return switch (target) {
            case "own" -> targets.debtorId();
            case "missing" -> targets.otherCompanysDebtorId();
            default -> target;
        };
    }

    private String followupId(String target) {
        return switch (target) {
            case "own" -> targets.followupId();
            case "missing" -> targets.otherCompanysFollowupId();
            default -> target;
        };
    }

    // ------------------------------------------------------------------ the checks

    private void check(String endpoint, String method, String path, JsonNode valid, Fuzz fuzz, boolean backend) {
        byte[] body = fuzz.render(valid);
        ApiClient.Request request = api.request(method, path)
                .token(backend ? tokens.backend(tenant) : tokens.external(company))
                .body(body);
        if (fuzz.contentType() != null) {
            request.header("Content-Type", fuzz.contentType());
        }
        if (fuzz.accept() != null) {
            request.header("Accept", fuzz.accept());
        }
        String before = targets.snapshot(jdbc);

        ApiResponse response = request.send();
        FUZZED.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.status(), k -> new AtomicInteger()).incrementAndGet();

        String where = method + " " + path + " with " + fuzz + " and body " + abbreviate(new String(body, StandardCharsets.UTF_8))
                + " answered " + response.status() + " [" + response.contentType() + "] " + abbreviate(response.body());
        assertThat(response.status()).as(where + " / never a 5xx").isLessThan(500);
        assertThat(response.status() / 100).as(where + " / a 2xx or a 4xx").isIn(2, 4);
        assertThat(response.body()).as(where + " / no internals").doesNotContain("Exception", "tools.jackson", "org.springframework",
                "\tat ", "PSQL", "SQL state");
        if (response.status() >= 400) {
            if (backend) {
                assertProblem(where, response);
            }
            else {
                assertEnvelope(where, response);
            }
            assertThat(targets.snapshot(jdbc)).as(where + " / the database after a rejection").isEqualTo(before);
        }
        else {
            assertSuccess(where, response, backend);
        }
    }

    static void assertProblem(String where, ApiResponse response) {
        JsonNode problem = bodyOfType(where, response, MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem).as(where + " / JSON body").isNotNull();
        assertThat(problem.path("status").isInt() && problem.path("status").asInt() == response.status())
                .as(where + " / status member").isTrue();
        assertThat(problem.path("detail").isString() && !problem.path("detail").asString().isBlank())
                .as(where + " / detail member").isTrue();
        JsonNode errors = problem.path("errors");
        if (!errors.isMissingNode()) {
            assertThat(errors.isObject()).as(where + " / errors is an object").isTrue();
            errors.forEach(message -> assertThat(message.isString()).as(where + " / errors are strings").isTrue());
        }
    }

    static void assertEnvelope(String where, ApiResponse response) {
        JsonNode body = bodyOfType(where, response, MediaType.APPLICATION_JSON);
        assertThat(body).as(where + " / JSON body").isNotNull();
        assertThat(body.path("error").isBoolean() && body.path("error").booleanValue()).as(where + " / error true").isTrue();
        assertThat(body.path("code").isInt() && body.path("code").asInt() == response.status()).as(where + " / code").isTrue();
        assertThat(body.path("message").isString() && !body.path("message").asString().isBlank()).as(where + " / message").isTrue();
        assertThat(body.path("details").isObject()).as(where + " / details is an object").isTrue();
        body.path("details").forEach(message -> assertThat(message.isString()).as(where + " / details are strings").isTrue());
        assertThat(body.propertyNames()).as(where + " / envelope members").containsExactlyInAnyOrder("error", "message", "code", "details");
    }

    private static void assertSuccess(String where, ApiResponse response, boolean backend) {
        JsonNode body = bodyOfType(where, response, MediaType.APPLICATION_JSON);
        assertThat(body != null && body.isObject()).as(where + " / a JSON object").isTrue();
        if (!backend) {
            assertThat(body.path("error").isBoolean() && !body.path("error").booleanValue()).as(where + " / error false").isTrue();
            assertThat(body.path("data").isObject()).as(where + " / data").isTrue();
        }
    }

    /** The response's JSON body, once its Content-Type is there and of the given type (parameters aside). */
    private static JsonNode bodyOfType(String where, ApiResponse response, MediaType type) {
        assertThat(response.contentType()).as(where + " / Content-Type").isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(type))
                .as(where + " / Content-Type is " + type).isTrue();
        return response.json();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "<no body>";
        }
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
