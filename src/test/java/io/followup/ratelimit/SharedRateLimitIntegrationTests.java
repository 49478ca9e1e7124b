package io.followup.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.followup.support.ApiResponse;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceInstance;
import io.followup.support.ServiceProperties;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database share every client's budgets: together they allow the limit, not
 * twice it, and a client's remaining count goes down across both. The clean-up deletes buckets that are full again.
 */
class SharedRateLimitIntegrationTests {

    private static final TestTokens TOKENS = TestTokens.get();
    private static final String CLIENT = "shared-budget-client";
    private static final int READS = 10;
    private static final int WRITES = 4;
    private static final String FOLLOWUPS = "/external-api/v1/followups";

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static final List<ServiceInstance> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("ratelimit", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        // No stub server: nothing here is delivered anywhere.
        Map<String, String> properties = ServiceProperties.of(database.url(), 9);
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("followup.api.rate-limit.clients." + CLIENT + ".reads", Integer.toString(READS));
        properties.put("followup.api.rate-limit.clients." + CLIENT + ".writes", Integer.toString(WRITES));
        for (int i = 0; i < 2; i++) {
            instances.add(ServiceInstance.start(properties));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ServiceInstance::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoInstancesTogetherAllowTheLimitNotTwiceIt() {
        String token = token("shared-" + UUID.randomUUID());
        List<String> remaining = new ArrayList<>();
        int allowed = 0;
        int refused = 0;

        for (int i = 0; i < 2 * READS; i++) {
            ApiResponse response = instances.get(i % 2).api().request("GET", FOLLOWUPS).token(token).send();
            if (response.status() == 200) {
                allowed++;
                remaining.add(response.header("X-RateLimit-Remaining"));
            }
            else {
                assertThat(response.status()).as(response.toString()).isEqualTo(429);
                assertThat(response.json().at("/details/limit").asInt()).isEqualTo(READS);
                refused++;
            }
        }

        assertThat(allowed).isEqualTo(READS);
        assertThat(refused).isEqualTo(READS);
        assertThat(remaining).as("one count, going down across both instances")
                .containsExactly("9", "8", "7", "6", "5", "4", "3", "2", "1", "0");
    }

    @Test
    void concurrentRequestsOnBothInstancesStillAllowExactlyTheLimit() throws Exception {
        String token = token("shared-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4 * READS; i++) {
                ServiceInstance instance = instances.get(i % 2);
                calls.add(pool.submit(() -> instance.api().request("GET", FOLLOWUPS).token(token).send().status()));
            }
            int allowed = 0;
            for (Future<Integer> call : calls) {
                int status = call.get(60, TimeUnit.SECONDS);
                assertThat(status).isIn(200, 429);
                allowed += status == 200 ? 1 : 0;
            }

            assertThat(allowed).as("requests of one client arriving together, batched per instance").isEqualTo(READS);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesAreSharedToo() {
        String token = token("shared-" + UUID.randomUUID());
        int allowed = 0;

        for (int i = 0; i < 3 * WRITES; i++) {
            int status = instances.get(i % 2).api().request("POST", FOLLOWUPS).token(token).json("{}").send().status();
            assertThat(status).isIn(400, 429);
            allowed += status == 400 ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(WRITES);
    }

    @Test
    void theCleanUpDeletesBucketsThatAreFullAgainAndKeepsTheOthers() {
        String idle = "idle-" + UUID.randomUUID();
        String active = "active-" + UUID.randomUUID();
        instances.get(0).api().request("GET", FOLLOWUPS).token(token(idle)).send();
        instances.get(0).api().request("GET", FOLLOWUPS).token(token(active)).send();
        // As an hour of no requests would leave it: full again since a moment ago.
        jdbc.update("UPDATE api_rate_limit_bucket SET expires_at = ? WHERE id LIKE ?",
                System.currentTimeMillis() - Duration.ofSeconds(1).toMillis(), "%:" + idle + ":%");
        Long activeExpiry = jdbc.queryForObject("SELECT expires_at FROM api_rate_limit_bucket WHERE id LIKE ?", Long.class,
                "%:" + active + ":%");
        assertThat(activeExpiry).as("a bucket missing one request is full again a few seconds later, not before")
                .isGreaterThan(System.currentTimeMillis());

        int deleted = instances.get(1).bean(RateLimitCleanup.class).run();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(rows(idle)).isZero();
        assertThat(rows(active)).isEqualTo(1);
    }

    private static long rows(String company) {
        return jdbc.queryForObject("SELECT count(*) FROM api_rate_limit_bucket WHERE id LIKE ?", Long.class, "%:" + company + ":%");
    }

    private static String token(String company) {
        return TOKENS.sign(Map.of("company_id", company, "client_id", CLIENT, "scope", TestTokens.EXTERNAL_SCOPES),
                Duration.ofHours(1));
    }
}
