package io.followup.faults;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceInstance;
import io.followup.support.ServiceProperties;
import io.followup.support.TcpProxy;
import io.followup.support.TestDatabase;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.faults.FaultFixtures.WEBHOOK;
import static io.followup.faults.FaultFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away while requests and jobs flow (a TCP proxy between the pool and PostgreSQL is cut:
 * open connections reset, new ones refused) and comes back: meanwhile both APIs answer 503 in their own
 * format within the pool's connection timeout, health and readiness say DOWN while liveness stays UP;
 * afterwards everything resumes by itself, and no acknowledged write or due job is lost.
 */
class DatabaseOutageIntegrationTests {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** The pool's wait plus room for a loaded 2-core machine; far below any client's patience. */
    private static final Duration PROMPT = CONNECTION_TIMEOUT.plusMillis(2_500);
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final TestTokens TOKENS = TestTokens.get();

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static WireMockServer stub;
    private static TcpProxy proxy;
    private static ServiceInstance service;

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flowing = new AtomicBoolean(true);

    /** One request made while the outage came and went. */
    record Call(String what, Instant at, long millis, ApiResponse response) {
    }

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("outage", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        stub = new WireMockServer(wireMockConfig().dynamicPort());
        stub.start();
        stub.stubFor(post(urlEqualTo(WEBHOOK)).willReturn(okJson("{\"message_id\":\"m\"}").withFixedDelay(20)));
        URI server = URI.create(TestDatabase.get().url().substring("jdbc:".length()));
        proxy = TcpProxy.to(server.getHost(), server.getPort());
        String throughProxy = database.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        Map<String, String> properties = ServiceProperties.of(throughProxy, stub.port());
        properties.put("spring.datasource.hikari.connection-timeout", Long.toString(CONNECTION_TIMEOUT.toMillis()));
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.put("followup.jobs.lease", "5s");
        service = ServiceInstance.start(properties);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (stub != null) {
            stub.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anOutageIsA503InEachApisFormatAndEverythingResumesWithoutLosingAnAcknowledgedWrite() throws Exception {
        ApiClient api = service.api();
        FaultFixtures.Sequence sequence = FaultFixtures.Sequence.random();
        ApiResponse config = sequence.create(api, "PT30M");
        assertThat(config.status()).isEqualTo(201);
        String configId = config.json().get("id").asString();
        String external = TOKENS.external("outage-" + UUID.randomUUID());
        ApiResponse debt = api.request("POST", "/external-api/v1/debts").token(external).json("""
                {"internal_id":"d-1","firstname":"Maria","lastname":"Silva","phone":"+5511999998888",
                 "email":"maria@example.com","amount":1500.50,"currency":"BRL","due_date":"2024-02-01"}""").send();
        assertThat(debt.status()).as(debt.toString()).isEqualTo(201);
        String debtId = debt.json().get("data").get("id").asString();

        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        loops.add(load.submit(() -> flow("external write", () -> api.request("POST", "/external-api/v1/followups").token(external)
                .json("{\"debt_id\": \"%s\", \"type\": \"call\", \"summary\": \"s\"}".formatted(debtId)).send())));
        loops.add(load.submit(() -> flow("event", () -> api.request("POST", "/backend/followup/events").token(sequence.token())
                .json(sequence.event("lead-" + UUID.randomUUID())).send())));
        loops.add(load.submit(() -> flow("backend read", () -> api.request("GET", "/backend/followup/configs/" + configId)
                .token(sequence.token()).send())));
        loops.add(load.submit(() -> {
            while (flowing.get()) {
                FaultFixtures.makeDue(jdbc); // straight to PostgreSQL: the test's own connection is not cut
                pause(200);
            }
        }));
        try {
            Eventually.until("requests flow", () -> successes("external write") >= 10 && successes("event") >= 10);

            proxy.cut();
            Instant cut = Instant.now();
            List<Call> probes = new ArrayList<>();
            while (Instant.now().isBefore(cut.plus(OUTAGE))) {
                probes.add(call("health", () -> api.request("GET", "/actuator/health").send()));
                probes.add(call("readiness", () -> api.request("GET", "/actuator/health/readiness").send()));
                probes.add(call("liveness", () -> api.request("GET", "/actuator/health/liveness").send()));
                pause(300);
            }
            long failedDuringOutage = calls.stream().filter(c -> c.at().isAfter(cut) && c.response().status() == 503).count();
            proxy.restore();
            Instant restored = Instant.now();

            Eventually.until("every kind of request succeeds again", () -> List.of("external write", "event", "backend read").stream()
                    .allMatch(what -> calls.stream().anyMatch(c -> c.what().equals(what) && c.at().isAfter(restored)
                            && c.response().status() / 100 == 2)));
            Eventually.until("health is UP again", () -> api.request("GET", "/actuator/health/readiness").send().status() == 200);
            pause(1_000);
            flowing.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }

            assertOutageAnswers(probes, cut, restored, failedDuringOutage);
            assertNothingAcknowledgedWasLost(api, external);
        }
        finally {
            flowing.set(false);
            load.shutdownNow();
        }
    }

    private void assertOutageAnswers(List<Call> probes, Instant cut, Instant restored, long failedDuringOutage) {
        List<Call> all = new ArrayList<>(calls);
        List<Call> unavailable = all.stream().filter(c -> c.response().status() == 503).toList();
        long slowest = unavailable.stream().mapToLong(Call::millis).max().orElse(0);
        System.out.printf("Database outage: %d ms cut; %d requests, %d acknowledged (2xx), %d answered 503 (slowest %d ms), "
                + "%d other; %d health probes during the outage%n", Duration.between(cut, restored).toMillis(), all.size(),
                all.stream().filter(c -> c.response().status() / 100 == 2).count(), unavailable.size(), slowest,
                all.stream().filter(c -> c.response().status() / 100 != 2 && c.response().status() != 503).count(), probes.size());

        assertThat(all).as("every answer is a success or a 503, never a 500 or a hang")
                .allSatisfy(c -> assertThat(c.response().status()).as(c.what() + " " + c.response()).isIn(200, 201, 503));
        assertThat(failedDuringOutage).as("requests during the outage were refused").isPositive();
        assertThat(unavailable).allSatisfy(c -> assertThat(c.millis()).as("a 503 comes within the pool's connection timeout")
                .isLessThan(PROMPT.toMillis()));
        assertThat(unavailable).filteredOn(c -> !c.what().endsWith("ness") && !c.what().equals("health")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.response().header("Retry-After")).isEqualTo("5");
            if (c.what().equals("external write")) {
                assertThat(c.response().contentType()).isEqualTo("application/json");
                assertThat(c.response().json().get("error").asBoolean()).isTrue();
                assertThat(c.response().json().get("code").asInt()).isEqualTo(503);
                assertThat(c.response().json().get("message").asString()).isEqualTo("Service temporarily unavailable; retry shortly");
                assertThat(c.response().json().get("details").isEmpty()).isTrue();
            }
            else {
                assertThat(c.response().contentType()).isEqualTo("application/problem+json");
                assertThat(c.response().json().get("status").asInt()).isEqualTo(503);
                assertThat(c.response().json().get("detail").asString()).isEqualTo("Service temporarily unavailable; retry shortly");
                assertThat(c.response().body()).doesNotContain("Exception").doesNotContain("jdbc");
            }
        });
        // Probes that started after the pool noticed (the first may still catch a connection being reset).
        List<Call> settled = probes.stream().filter(p -> p.at().isAfter(cut.plus(CONNECTION_TIMEOUT.multipliedBy(2)))).toList();
        assertThat(settled).isNotEmpty().allSatisfy(p -> assertThat(p.millis()).as(p.what()).isLessThan(PROMPT.toMillis()));
        assertThat(settled).filteredOn(p -> !p.what().equals("liveness")).allSatisfy(p -> {
            assertThat(p.response().status()).as(p.what()).isEqualTo(503);
            assertThat(p.response().json().get("status").asString()).isEqualTo("DOWN");
        });
        assertThat(settled).filteredOn(p -> p.what().equals("liveness"))
                .as("liveness leaves the database out: an outage must not restart every instance")
                .allSatisfy(p -> assertThat(p.response().status()).isEqualTo(200));
    }

    private void assertNothingAcknowledgedWasLost(ApiClient api, String external) {
        List<String> followups = calls.stream().filter(c -> c.what().equals("external write") && c.response().status() == 201)
                .map(c -> c.response().json().get("data").get("id").asString()).toList();
        assertThat(followups).isNotEmpty();
        for (String id : followups) {
            assertThat(api.request("GET", "/external-api/v1/followups/" + id).token(external).send().status())
                    .as("acknowledged follow-up " + id).isEqualTo(200);
        }
        List<String> enrollments = calls.stream().filter(c -> c.what().equals("event") && c.response().status() == 200)
                .map(c -> c.response().json().get("enrollment_id").asString()).toList();
        assertThat(enrollments).isNotEmpty();
        Long stored = jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE id::text = ANY (?)", Long.class,
                (Object) enrollments.toArray(String[]::new));
        assertThat(stored).as("every acknowledged enrollment is stored").isEqualTo(enrollments.size());

        Eventually.until("every due job ran", () -> count(jdbc, "status <> 'succeeded'") == 0, () -> FaultFixtures.makeDue(jdbc));
        Map<String, List<FaultFixtures.Send>> sends = FaultFixtures.sendsByStep(stub);
        long repeated = sends.values().stream().filter(list -> list.size() > 1).count();
        System.out.printf("Database outage: %d follow-ups and %d enrollments acknowledged, all stored; %d jobs, all succeeded; "
                + "%d step(s) delivered twice (same key), 0 lost%n", followups.size(), enrollments.size(), count(jdbc, "TRUE"), repeated);
        for (String enrollment : enrollments) {
            assertThat(sends.get(enrollment + ":1")).as("step 1 of " + enrollment + " was delivered").isNotEmpty()
                    .extracting(FaultFixtures.Send::idempotencyKey).containsOnly("enrollment:" + enrollment + ":step:1");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE status = 'completed'", Long.class))
                .isEqualTo(count(jdbc, "TRUE"));
    }

    private void flow(String what, Supplier<ApiResponse> request) {
        while (flowing.get()) {
            call(what, request);
        }
    }

    private Call call(String what, Supplier<ApiResponse> request) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        ApiResponse response;
        try {
            response = request.get();
        }
        catch (RuntimeException ex) {
            response = new ApiResponse(-1, null, ex.toString(), null); // a hang past the client's timeout, or a reset
        }
        Call call = new Call(what, at, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), response);
        calls.add(call);
        return call;
    }

    private long successes(String what) {
        return calls.stream().filter(c -> c.what().equals(what) && c.response().status() / 100 == 2).count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
