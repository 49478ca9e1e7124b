package io.followup.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Races decided by the database: the unique constraint for creates, the version column for updates. */
class ConfigConcurrencyIntegrationTests extends IntegrationTest {

    private static final int RACERS = 8;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void concurrentCreatesForOneAssistantYieldOneConfig() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID assistant = UUID.randomUUID();

            List<ApiResponse> responses = race(() -> api.request("POST", "/backend/followup/configs")
                    .token(tokens.backend(tenant)).json(ConfigBodies.oneStep(assistant)).send());

            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(RACERS - 1)
                    .allSatisfy(r -> assertThat(r.contentType()).isEqualTo("application/problem+json"));
            assertThat(jdbc.queryForObject("select count(*) from followup_config where tenant_id = ? and assistant_id = ?",
                    Long.class, tenant, assistant)).isEqualTo(1);
        }
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        String id = api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant))
                .json(ConfigBodies.oneStep(UUID.randomUUID())).send().json().get("id").asString();
        List<String> prompts = new ArrayList<>();

        List<ApiResponse> responses = race(() -> {
            String prompt = "prompt " + UUID.randomUUID();
            synchronized (prompts) {
                prompts.add(prompt);
            }
            return api.request("PUT", "/backend/followup/configs/" + id).token(tokens.backend(tenant))
                    .header("If-Match", "\"0\"")
                    .json("{\"steps\": [{\"interval\": \"PT1H\", \"prompt\": \"" + prompt + "\"}]}").send();
        });

        List<ApiResponse> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        // A loser either saw the new version before writing (412) or lost the version check at commit (409).
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .hasSize(RACERS - 1)
                .allSatisfy(r -> assertThat(r.status()).isIn(409, 412));
        ApiResponse stored = api.request("GET", "/backend/followup/configs/" + id).token(tokens.backend(tenant)).send();
        assertThat(stored.header("ETag")).isEqualTo("\"1\"");
        assertThat(stored.json().get("steps")).isEqualTo(winners.get(0).json().get("steps"));
        assertThat(prompts).contains(stored.json().get("steps").get(0).get("prompt").asString());
    }

    @Test
    void concurrentUpdatesWithoutIfMatchNeverLoseAnAcknowledgedWrite() throws Exception {
        String id = api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant))
                .json(ConfigBodies.oneStep(UUID.randomUUID())).send().json().get("id").asString();

        List<ApiResponse> responses = race(() -> api.request("PUT", "/backend/followup/configs/" + id)
                .token(tokens.backend(tenant)).json("{\"is_active\": false}").send());

        long acknowledged = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        assertThat(acknowledged).isPositive();
        // Every acknowledged write bumped the version exactly once: none was silently overwritten.
        Long version = jdbc.queryForObject("select version from followup_config where id = ?::uuid", Long.class, id);
        assertThat(version).isEqualTo(acknowledged);
    }

    private static List<ApiResponse> race(Callable<ApiResponse> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
