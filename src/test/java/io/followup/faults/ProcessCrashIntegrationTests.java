package io.followup.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceProcess;
import io.followup.support.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.followup.faults.FaultFixtures.WEBHOOK;
import static io.followup.faults.FaultFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a service process in the middle of a drain: a second process finishes the work, every
 * step is delivered, and only steps the dead process held may be delivered twice, with the same
 * Idempotency-Key both times, so the receiver can drop the repeat.
 */
@Tag("faults")
class ProcessCrashIntegrationTests {

    private static final int LEADS = 400;
    private static final Duration LEASE = Duration.ofSeconds(6);

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static WireMockServer stub;

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("crash", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        stub = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        stub.start();
        // Slow enough that the kill lands mid-drain with sends on the wire.
        stub.stubFor(post(urlEqualTo(WEBHOOK)).willReturn(okJson("{\"message_id\":\"m\"}").withFixedDelay(100)));
    }

    @AfterAll
    static void stop() {
        if (stub != null) {
            stub.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKilledProcessLosesNoJobAndRepeatsOnlyWhatItHeldUnderTheSameKey() {
        Map<String, String> properties = ServiceProperties.of(database.url(), stub.port());
        properties.put("followup.jobs.lease", LEASE.toSeconds() + "s");
        properties.put("followup.jobs.concurrency", "8");
        FaultFixtures.Sequence sequence = FaultFixtures.Sequence.random();

        Set<String> held = new HashSet<>();
        long sentBeforeKill;
        long succeededAtKill;
        try (ServiceProcess first = ServiceProcess.start("crash-first", properties).awaitReady(Duration.ofMinutes(3))) {
            assertThat(sequence.create(first.api(), "PT30M").status()).isEqualTo(201);
            List<String> enrollments = sequence.enroll(first.api(), LEADS);
            assertThat(enrollments).hasSize(LEADS).doesNotHaveDuplicates();
            assertThat(count(jdbc, "status = 'pending'")).isEqualTo(LEADS);

            FaultFixtures.makeDue(jdbc);
            Eventually.until("a quarter of the steps went out", () -> sent() >= LEADS / 4);
            first.kill();
            sentBeforeKill = sent();
            succeededAtKill = count(jdbc, "status = 'succeeded'");
            held.addAll(jdbc.queryForList("SELECT payload->>'enrollment_id' FROM job WHERE status = 'running'", String.class));
        }
        assertThat(held).as("the kill landed mid-drain: jobs were held").isNotEmpty();
        assertThat(succeededAtKill).as("the kill landed mid-drain: some jobs were done").isPositive().isLessThan(LEADS);

        try (ServiceProcess second = ServiceProcess.start("crash-second", properties).awaitReady(Duration.ofMinutes(3))) {
            Eventually.until("every job succeeded", Duration.ofMinutes(2),
                    () -> count(jdbc, "status = 'succeeded'") == LEADS, () -> { });
        }

        Map<String, List<FaultFixtures.Send>> sends = FaultFixtures.sendsByStep(stub);
        Map<String, List<FaultFixtures.Send>> repeated = new java.util.TreeMap<>();
        sends.forEach((step, list) -> {
            if (list.size() > 1) {
                repeated.put(step, list);
            }
        });
        System.out.printf("Process crash: %d jobs, kill -9 after %d sends with %d jobs recorded done and %d held by the dead "
                + "process; %d sends in all, %d step(s) delivered twice (all held by the dead process), 0 lost%n",
                LEADS, sentBeforeKill, succeededAtKill, held.size(), sent(), repeated.size());

        assertThat(sends).as("every step delivered").hasSize(LEADS);
        assertThat(sends.values()).allSatisfy(list -> {
            String key = "enrollment:" + list.get(0).enrollmentId() + ":step:1";
            assertThat(list).extracting(FaultFixtures.Send::idempotencyKey).containsOnly(key);
            assertThat(list).extracting(FaultFixtures.Send::bodyKey).containsOnly(key);
            assertThat(list).hasSizeLessThanOrEqualTo(2);
        });
        assertThat(repeated.keySet()).extracting(step -> step.substring(0, step.indexOf(':')))
                .as("only steps the dead process held are repeated").isSubsetOf(held);
        assertThat(count(jdbc, "TRUE")).as("no job was added or lost").isEqualTo(LEADS);
        assertThat(count(jdbc, "status = 'succeeded' AND attempts = 1 AND NOT (payload->>'enrollment_id' = ANY (?))",
                (Object) held.toArray(String[]::new))).isEqualTo(LEADS - held.size());
        assertThat(count(jdbc, "status = 'succeeded' AND attempts = 2 AND payload->>'enrollment_id' = ANY (?)",
                (Object) held.toArray(String[]::new))).as("held jobs ran again after their lease").isEqualTo(held.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE status = 'completed'", Long.class))
                .as("every enrollment completed once").isEqualTo(LEADS);
    }

    private static long sent() {
        return stub.countRequestsMatching(postRequestedFor(urlEqualTo(WEBHOOK)).build()).getCount();
    }
}
