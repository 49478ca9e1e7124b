package io.followup.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.followup.support.ApiResponse;
import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.followup.support.ServiceProcess;
import io.followup.support.ServiceProperties;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the service while its webhook deliveries are on the wire: every event its transactions committed
 * reaches the receiver once a second process takes over, each with a valid GetBill signature; an event arrives twice
 * only with the same event ID (the receiver deduplicates by it).
 */
@Tag("faults")
class WebhookCrashIntegrationTests {

    private static final int DEBTS = 120;
    private static final String HOOK = "/receiver/hooks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static WireMockServer receiver;

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create("webhook_crash", 4);
        jdbc = new JdbcTemplate(database.dataSource());
        receiver = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        receiver.start();
        // Slow enough that the kill lands with deliveries in flight.
        receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withFixedDelay(300)));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKilledProcessLosesNoCommittedEvent() throws Exception {
        Map<String, String> properties = ServiceProperties.of(database.url(), receiver.port());
        properties.put("followup.jobs.lease", "6s");
        properties.put("followup.jobs.concurrency", "8");
        String token = TestTokens.get().external("crash-" + UUID.randomUUID());
        String secret;
        try (ServiceProcess first = ServiceProcess.start("webhook-crash-first", properties).awaitReady(Duration.ofMinutes(3))) {
            ApiResponse subscribed = first.api().request("POST", "/external-api/v1/webhooks").token(token)
                    .json("{\"url\": \"http://localhost:" + receiver.port() + HOOK + "\", \"event_types\": [\"debt.created\"]}").send();
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            secret = subscribed.json().path("data").path("secret").asString();
            // One batch: every event is committed within a moment, long before the slow receiver has them all.
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < DEBTS; i++) {
                rows.append(i == 0 ? "" : ",").append("""
                        {"temp_id": "t%d", "firstname": "Crash", "lastname": "Test %d", "email": "crash%d@example.com", "amount": 10.00, "currency": "BRL"}
                        """.formatted(i, i, i));
            }
            ApiResponse batch = first.api().request("POST", "/external-api/v1/debts/batch").token(token)
                    .json("{\"batch_name\": \"crash\", \"debts\": [" + rows + "]}").send();
            assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
            assertThat(batch.json().path("data").path("created").size()).as(batch.toString()).isEqualTo(DEBTS);
            Eventually.until("a quarter of the events were delivered", () -> received().size() >= DEBTS / 4);
            first.kill();
        }
        long committed = jdbc.queryForObject("SELECT count(*) FROM webhook_event WHERE type = 'debt.created'", Long.class);
        int beforeRestart = received().size();
        assertThat(committed).as("every debt's event was committed with it").isEqualTo(DEBTS);
        assertThat(beforeRestart).as("the kill landed mid-delivery").isLessThan(DEBTS);

        try (ServiceProcess second = ServiceProcess.start("webhook-crash-second", properties).awaitReady(Duration.ofMinutes(3))) {
            Eventually.until("every event arrived", Duration.ofMinutes(2), () -> eventIds(received()).size() == DEBTS, () -> { });
        }

        List<ServeEvent> all = received();
        Set<String> ids = eventIds(all);
        Set<Long> sequences = new TreeSet<>();
        for (ServeEvent request : all) {
            byte[] body = request.getRequest().getBody();
            assertThat(request.getRequest().getHeader("X-GetBill-Signature")).as("GetBill's signature, hex HMAC-SHA256 of the raw body")
                    .isEqualTo(hmacHex(secret, body));
            JsonNode event = JSON.readTree(new String(body, StandardCharsets.UTF_8)).path("event");
            assertThat(event.path("id").asString()).isEqualTo(request.getRequest().getHeader("X-Webhook-Event-Id"));
            sequences.add(event.path("sequence").asLong());
        }
        System.out.printf("Webhook crash: %d events committed, %d delivered before kill -9, %d requests in all, %d distinct events, "
                + "%d repeated, 0 lost%n", committed, beforeRestart, all.size(), ids.size(), all.size() - ids.size());
        assertThat(ids).as("every committed event arrived").hasSize(DEBTS);
        assertThat(sequences).as("sequences 1.." + DEBTS + ", none missing").hasSize(DEBTS).first().isEqualTo(1L);
        assertThat(all.size() - ids.size()).as("only deliveries in flight at the kill repeat").isLessThanOrEqualTo(8);
    }

    private static List<ServeEvent> received() {
        return receiver.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().equals(HOOK)).toList();
    }

    private static Set<String> eventIds(List<ServeEvent> events) {
        return events.stream().map(event -> event.getRequest().getHeader("X-Webhook-Event-Id")).collect(Collectors.toSet());
    }

    /** GetBill's recipe (https://docs.getbill.io/guides/webhooks-integration), written from its words. */
    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
