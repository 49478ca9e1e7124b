package io.followup.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.followup.support.ApiResponse;
import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceInstance;
import io.followup.support.ServiceProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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
 * Three instances of the service (three Spring contexts, each with its own pool, poller and lease name) on
 * one database under load: no job runs twice, no enrollment advances twice, a repeated event enrolls once,
 * and racing creates of one assistant's configuration across instances leave exactly one.
 */
@Tag("faults")
class MultiInstanceIntegrationTests {

    private static final int INSTANCES = 3;
    private static final int LEADS_PER_INSTANCE = 100;
    private static final int REPEATED_EVENTS = 30;

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static WireMockServer stub;
    private static final List<ServiceInstance> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("instances", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        stub = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        stub.start();
        stub.stubFor(post(urlEqualTo(WEBHOOK)).willReturn(okJson("{\"message_id\":\"m\"}").withFixedDelay(10)));
        Map<String, String> properties = ServiceProperties.of(database.url(), stub.port());
        // Small batches and few workers: the instances take turns claiming instead of one taking everything.
        properties.put("followup.jobs.concurrency", "4");
        properties.put("followup.jobs.batch-size", "5");
        properties.put("followup.jobs.poll-interval", "50ms");
        properties.put("spring.datasource.hikari.maximum-pool-size", "6");
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(ServiceInstance.start(properties));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ServiceInstance::close);
        if (stub != null) {
            stub.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void racingCreatesAcrossInstancesLeaveOneConfigurationPerAssistant() throws Exception {
        UUID tenant = UUID.randomUUID();
        int racers = 4 * INSTANCES;
        for (int round = 0; round < 5; round++) {
            FaultFixtures.Sequence sequence = new FaultFixtures.Sequence(tenant, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<Callable<ApiResponse>> creates = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ServiceInstance instance = instances.get(i % INSTANCES);
                creates.add(() -> sequence.create(instance.api(), "PT30M"));
            }

            List<ApiResponse> responses = race(creates);

            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(racers - 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM followup_config WHERE tenant_id = ? AND assistant_id = ?",
                    Long.class, tenant, sequence.assistant())).isEqualTo(1);
        }
    }

    @Test
    void threeInstancesRunEveryJobOnceAndAdvanceEveryEnrollmentOnce() throws Exception {
        FaultFixtures.Sequence sequence = FaultFixtures.Sequence.random();
        assertThat(sequence.create(instances.get(0).api(), "PT30M", "PT1H").status()).isEqualTo(201);

        List<Callable<List<String>>> intake = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            intake.add(() -> sequence.enroll(instance.api(), LEADS_PER_INSTANCE));
        }
        List<String> enrollments = new ArrayList<>();
        race(intake).forEach(enrollments::addAll);
        for (int i = 0; i < REPEATED_EVENTS; i++) {
            String event = sequence.event("lead-" + UUID.randomUUID());
            List<Callable<ApiResponse>> copies = new ArrayList<>();
            instances.forEach(instance -> copies.add(() -> instance.api().request("POST", "/backend/followup/events")
                    .token(sequence.token()).json(event).send()));
            List<ApiResponse> answers = race(copies);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
            assertThat(answers).extracting(answer -> answer.json().get("status").asString())
                    .as("the same event at three instances at once is handled once").containsOnlyOnce("processed");
            enrollments.add(answers.stream().filter(a -> a.json().get("status").asString().equals("processed")).findFirst()
                    .orElseThrow().json().get("enrollment_id").asString());
        }
        int leads = INSTANCES * LEADS_PER_INSTANCE + REPEATED_EVENTS;
        assertThat(enrollments).hasSize(leads).doesNotHaveDuplicates();

        Eventually.until("every enrollment completed", () -> jdbc.queryForObject(
                "SELECT count(*) FROM enrollment WHERE status = 'completed'", Long.class) == leads, () -> FaultFixtures.makeDue(jdbc));

        Map<String, List<FaultFixtures.Send>> sends = FaultFixtures.sendsByStep(stub);
        List<Double> claimed = instances.stream().map(instance -> {
            Counter counter = instance.bean(MeterRegistry.class).find("followup.jobs.claimed").counter();
            return counter == null ? 0.0 : counter.count();
        }).toList();
        System.out.printf("Multi-instance: %d instances, %d enrollments x 2 steps = %d jobs, claims per instance %s; "
                + "%d sends, %d run twice; %d repeated events enrolled once each%n", INSTANCES, leads, 2 * leads, claimed,
                sends.values().stream().mapToInt(List::size).sum(), sends.values().stream().filter(l -> l.size() > 1).count(),
                REPEATED_EVENTS);

        assertThat(count(jdbc, "TRUE")).as("one job per step, none scheduled twice").isEqualTo(2L * leads);
        assertThat(count(jdbc, "status = 'succeeded' AND attempts = 1")).as("every job ran once").isEqualTo(2L * leads);
        assertThat(sends).hasSize(2 * leads).allSatisfy((step, list) -> assertThat(list).as(step).hasSize(1));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM enrollment WHERE status = 'completed' AND current_step = 2
                   AND steps->0->>'state' = 'sent' AND steps->1->>'state' = 'sent'""", Long.class))
                .as("every enrollment advanced once per step").isEqualTo(leads);
        assertThat(claimed).as("every instance took part").allSatisfy(count -> assertThat(count).isPositive());
        assertThat(claimed.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0 * leads);
    }

    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        }
        finally {
            threads.shutdownNow();
        }
    }
}
