package io.followup.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.followup.support.ApiResponse;
import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceInstance;
import io.followup.support.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.followup.faults.FaultFixtures.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant service and a WhatsApp provider misbehaving while the service runs step jobs: a hang past
 * the read timeout, 5xx with a garbage body, 429 with Retry-After, a connection reset, an empty reply, a
 * garbage 2xx. Each job retries as configured (seen in the job table's attempts and run_at), and the poller
 * keeps draining healthy work while the slow sends hang. {@code DeliveryFailureTests} covers the mapping of
 * each answer by the sender alone; this is the same through the engine, the handler and the job table.
 */
class ProviderFaultIntegrationTests {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Duration JITTER = Duration.ofMillis(100);
    private static final int MAX_ATTEMPTS = 3;
    private static final int HEALTHY = 30;
    private static final int SLOW = 3;
    private static final String APP = "gupshup_app_12345";

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static WireMockServer stub;
    private static ServiceInstance service;

    /** What the job table said, sampled every few milliseconds while the jobs ran. */
    record Row(long id, String enrollmentId, String status, int attempts, Instant runAt, Instant startedAt, String lastError) {
    }

    private final Queue<Row> history = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("provider", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        stub = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        stub.start();
        Map<String, String> properties = ServiceProperties.of(database.url(), stub.port());
        properties.put("followup.delivery.read-timeout", READ_TIMEOUT.toMillis() + "ms");
        properties.put("followup.delivery.connect-timeout", "1s");
        properties.put("followup.jobs.concurrency", "8");
        properties.put("followup.jobs.max-attempts", Integer.toString(MAX_ATTEMPTS));
        properties.put("followup.jobs.backoff-initial", BACKOFF.toMillis() + "ms");
        properties.put("followup.jobs.backoff-jitter", JITTER.toMillis() + "ms");
        properties.put("followup.jobs.lease", "60s");
        service = ServiceInstance.start(properties);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (stub != null) {
            stub.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void eachFaultRetriesAsConfiguredWhileHealthyJobsKeepFlowing() throws Exception {
        FaultFixtures.Sequence slow = assistant("PT30M");
        FaultFixtures.Sequence healthy = assistant("PT30M");
        FaultFixtures.Sequence broken = assistant("PT30M");
        FaultFixtures.Sequence throttled = assistant("PT30M");
        FaultFixtures.Sequence reset = assistant("PT30M");
        FaultFixtures.Sequence garbage = assistant("PT30M");
        FaultFixtures.Sequence whatsapp = whatsappAssistant();

        stubAssistant(slow, null, aResponse().withStatus(200).withBody("{}").withFixedDelay((int) READ_TIMEOUT.toMillis() * 2));
        stubAssistant(healthy, null, okJson("{\"message_id\":\"ok\"}"));
        stubAssistant(broken, null, aResponse().withStatus(502).withBody(new byte[] {0, 1, 2, '<', 'h', 't', 'm', 'l', '>', 10, 13, (byte) 0xff}));
        stubAssistant(throttled, "throttled", aResponse().withStatus(429).withHeader("Retry-After", "3"));
        stubAssistant(reset, "reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stubAssistant(garbage, null, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("\u0000not json{{"));
        stub.stubFor(get(urlPathEqualTo("/gupshup/wa/app/" + APP + "/template")).willReturn(okJson("""
                {"status":"success","templates":[{"id":"tpl-1","elementName":"reengagement_v1","languageCode":"en","status":"APPROVED"}]}""")));
        stub.stubFor(post(urlEqualTo("/gupshup/wa/api/v1/template/msg")).inScenario("empty").whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        stub.stubFor(post(urlEqualTo("/gupshup/wa/api/v1/template/msg")).inScenario("empty").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"status\":\"submitted\",\"messageId\":\"g-1\"}")));

        List<String> slowIds = slow.enroll(service.api(), SLOW);
        List<String> healthyIds = healthy.enroll(service.api(), HEALTHY);
        String brokenId = broken.enroll(service.api(), 1).get(0);
        String throttledId = throttled.enroll(service.api(), 1).get(0);
        String resetId = reset.enroll(service.api(), 1).get(0);
        String garbageId = garbage.enroll(service.api(), 1).get(0);
        String whatsappId = whatsapp.enroll(service.api(), 1).get(0);

        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                history.addAll(rows());
                pause(20);
            }
        });
        sampler.start();
        try {
            jdbc.update("UPDATE job SET run_at = now() WHERE payload->>'enrollment_id' = ANY (?)", (Object) slowIds.toArray(String[]::new));
            Eventually.until("the slow sends are hanging", () -> sends(slow) == SLOW);
            FaultFixtures.makeDue(jdbc);
            Eventually.until("the healthy jobs finished", () -> succeeded(healthyIds) == HEALTHY);
            assertThat(rows()).filteredOn(row -> slowIds.contains(row.enrollmentId()))
                    .as("healthy jobs finished while the slow sends were still hanging")
                    .allSatisfy(row -> assertThat(row).extracting(Row::status, Row::attempts).containsExactly("running", 1));
            // The slow assistant recovers: sends already hanging still hang until the read timeout, the retries get through.
            stub.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.assistant_id", equalTo(slow.assistant().toString())))
                    .willReturn(okJson("{\"message_id\":\"late\"}")));

            Eventually.until("every job reached its end", () -> rows().stream()
                    .allMatch(row -> row.status().equals("succeeded") || row.status().equals("failed")));
        }
        finally {
            sampling.set(false);
            sampler.join();
        }

        Row slowRetry = firstRetry(slowIds.get(0));
        assertThat(slowRetry.lastError()).isEqualTo("Assistant service could not be reached: timed out");
        assertThat(Duration.between(slowRetry.startedAt(), slowRetry.runAt())).as("read timeout, then the backoff")
                .isBetween(READ_TIMEOUT.plus(BACKOFF).minus(JITTER), READ_TIMEOUT.plus(BACKOFF).plusSeconds(2));
        assertThat(finalRows(slowIds)).allSatisfy(row -> assertThat(row).extracting(Row::status, Row::attempts).containsExactly("succeeded", 2));
        assertThat(finalRows(healthyIds)).allSatisfy(row -> assertThat(row).extracting(Row::status, Row::attempts).containsExactly("succeeded", 1));

        Row brokenFirst = retry(brokenId, 1);
        Row brokenSecond = retry(brokenId, 2);
        assertThat(brokenFirst.lastError()).startsWith("Assistant service answered HTTP 502").doesNotContain("\n", "\r", "\u0000");
        assertThat(Duration.between(brokenFirst.startedAt(), brokenFirst.runAt())).as("first wait: the initial backoff")
                .isBetween(BACKOFF.minus(JITTER), BACKOFF.plusSeconds(1));
        assertThat(Duration.between(brokenSecond.startedAt(), brokenSecond.runAt())).as("second wait: twice as long")
                .isBetween(BACKOFF.multipliedBy(2).minus(JITTER.multipliedBy(2)), BACKOFF.multipliedBy(2).plusSeconds(1));
        assertThat(finalRows(List.of(brokenId))).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("failed");
            assertThat(row.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(row.lastError()).startsWith("Assistant service answered HTTP 502");
        });
        assertThat(stepState(brokenId)).isEqualTo("failed");

        Row throttledFirst = retry(throttledId, 1);
        assertThat(throttledFirst.lastError()).startsWith("Assistant service answered HTTP 429");
        assertThat(Duration.between(throttledFirst.startedAt(), throttledFirst.runAt())).as("Retry-After: 3 beats the 1 s backoff")
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertThat(retry(resetId, 1).lastError()).startsWith("Assistant service could not be reached");
        assertThat(retry(whatsappId, 1).lastError()).startsWith("Gupshup could not be reached");
        assertThat(finalRows(List.of(throttledId, resetId, whatsappId)))
                .allSatisfy(row -> assertThat(row).extracting(Row::status, Row::attempts).containsExactly("succeeded", 2));
        assertThat(finalRows(List.of(garbageId))).singleElement()
                .satisfies(row -> assertThat(row).extracting(Row::status, Row::attempts).containsExactly("succeeded", 1));
        for (String id : List.of(throttledId, resetId, whatsappId, garbageId, slowIds.get(0), healthyIds.get(0))) {
            assertThat(stepState(id)).as(id).isEqualTo("sent");
        }

        Map<String, List<FaultFixtures.Send>> sends = FaultFixtures.sendsByStep(stub);
        assertThat(sends.values()).allSatisfy(list -> assertThat(list).extracting(FaultFixtures.Send::idempotencyKey)
                .containsOnly("enrollment:" + list.get(0).enrollmentId() + ":step:1"));
        System.out.printf("Provider faults: %d faults injected (%d hangs past the read timeout, 3 x 502 garbage, 1 x 429 Retry-After, "
                + "1 reset, 1 empty reply, 1 garbage 2xx); %d healthy jobs done while the hangs lasted; %d webhook calls for %d steps "
                + "(repeats carry the same key); 1 job failed for good after %d attempts as configured%n",
                SLOW + 3 + 1 + 1 + 1 + 1, SLOW, HEALTHY, sends.values().stream().mapToInt(List::size).sum(), sends.size(), MAX_ATTEMPTS);
    }

    private FaultFixtures.Sequence assistant(String interval) {
        FaultFixtures.Sequence sequence = FaultFixtures.Sequence.random();
        ApiResponse created = sequence.create(service.api(), interval);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return sequence;
    }

    private FaultFixtures.Sequence whatsappAssistant() {
        FaultFixtures.Sequence sequence = FaultFixtures.Sequence.random();
        ApiResponse created = service.api().request("POST", "/backend/followup/configs").token(sequence.token()).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "%s",
                   "steps": [{"interval": "PT30M", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(sequence.assistant(), sequence.trigger(), sequence.channel(), APP)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return sequence;
    }

    /** Answers this assistant's sends with {@code fault}; with a scenario name, only the first one, then 200. */
    private static void stubAssistant(FaultFixtures.Sequence sequence, String scenario,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault) {
        MappingBuilder mine = post(urlEqualTo(WEBHOOK))
                .withRequestBody(matchingJsonPath("$.assistant_id", equalTo(sequence.assistant().toString())));
        if (scenario == null) {
            stub.stubFor(mine.willReturn(fault));
            return;
        }
        // One scenario per assistant: its first send fails, every later one succeeds.
        stub.stubFor(mine.inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("failed once").willReturn(fault));
        stub.stubFor(post(urlEqualTo(WEBHOOK)).withRequestBody(matchingJsonPath("$.assistant_id", equalTo(sequence.assistant().toString())))
                .inScenario(scenario).whenScenarioStateIs("failed once").willReturn(okJson("{\"message_id\":\"late\"}")));
    }

    private static long sends(FaultFixtures.Sequence sequence) {
        return stub.countRequestsMatching(postRequestedFor(urlEqualTo(WEBHOOK))
                .withRequestBody(matchingJsonPath("$.assistant_id", equalTo(sequence.assistant().toString()))).build()).getCount();
    }

    private static List<Row> rows() {
        return jdbc.query("SELECT id, payload->>'enrollment_id' AS e, status, attempts, run_at, started_at, last_error FROM job",
                (rs, n) -> new Row(rs.getLong("id"), rs.getString("e"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getObject("run_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("started_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getString("last_error")));
    }

    private static long succeeded(List<String> enrollments) {
        return finalRows(enrollments).stream().filter(row -> row.status().equals("succeeded")).count();
    }

    private static List<Row> finalRows(List<String> enrollments) {
        return rows().stream().filter(row -> enrollments.contains(row.enrollmentId())).toList();
    }

    /** The job as it waited after failed attempt {@code attempt}. */
    private Row retry(String enrollmentId, int attempt) {
        return history.stream().filter(row -> row.enrollmentId().equals(enrollmentId) && row.status().equals("pending")
                        && row.attempts() == attempt).findFirst()
                .orElseThrow(() -> new AssertionError("No retry after attempt " + attempt + " of " + enrollmentId + " seen in " + history.stream()
                        .filter(row -> row.enrollmentId().equals(enrollmentId)).distinct().toList()));
    }

    private Row firstRetry(String enrollmentId) {
        return retry(enrollmentId, 1);
    }

    private static String stepState(String enrollmentId) {
        return jdbc.queryForObject("SELECT steps->0->>'state' FROM enrollment WHERE id = ?::uuid", String.class, enrollmentId);
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
