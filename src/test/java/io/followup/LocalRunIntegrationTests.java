package io.followup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.followup.support.Eventually;
import io.followup.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./mvnw spring-boot:test-run} as a newcomer meets it: starts, prints tokens, stops cleanly. */
class LocalRunIntegrationTests {

    @TempDir
    Path localDir;

    @Test
    void startsWithEverythingItNeedsAndStopsWithoutAStackTrace() throws Exception {
        try (ServiceProcess local = ServiceProcess.startLocalRun("local-run", localDir)) {
            local.awaitReady(Duration.ofSeconds(90));
            // Ready means the context is up; the launcher writes tokens.env and prints its banner just after.
            Eventually.until("the launcher printed its banner", Duration.ofSeconds(30),
                    () -> local.log().contains("followup-service is up at"), () -> sleep(100));
            String tokens = Files.readString(localDir.resolve("tokens.env"));
            assertThat(tokens).contains("export BACKEND_TOKEN=ey", "export EXTERNAL_TOKEN=ey", "export METRICS_TOKEN=ey",
                    "export ASSISTANT_SECRET=", "export META_APP_SECRET=", "export META_VERIFY_TOKEN=", "export GUPSHUP_CALLBACK_URL=");
            providerWebhooksTakeTheLocalSecrets(exports(tokens));

            // Ctrl+C: the poller hands its jobs back before the embedded database stops, not after.
            assertThat(local.stop(Duration.ofSeconds(60))).as("stopped in time").isTrue();

            String log = local.log();
            assertThat(log).contains("followup-service is up at");
            assertThat(log).doesNotContain("Failed to stop bean", "terminating connection due to administrator command");
            assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                    .as("stack trace lines in:%n%s", log).isEmpty();
        }
    }

    /** What the README's webhook examples do, with the secrets tokens.env gives them. */
    private static void providerWebhooksTakeTheLocalSecrets(Map<String, String> env) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = env.get("BASE_URL");
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(base
                + "/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + env.get("META_VERIFY_TOKEN")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("1158201444");

        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"metadata\":"
                + "{\"phone_number_id\":\"" + env.get("META_PHONE_NUMBER_ID") + "\"},\"messages\":[{\"from\":\"5511987654321\","
                + "\"id\":\"wamid.local\",\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}]},"
                + "\"field\":\"messages\"}]}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(env.get("META_APP_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/meta"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(env.get("GUPSHUP_CALLBACK_URL")))
                .header("Content-Type", "application/json").header("X-Followup-Token", env.get("GUPSHUP_CALLBACK_TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message-event\",\"payload\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> exports(String env) {
        Map<String, String> values = new HashMap<>();
        env.lines().filter(line -> line.startsWith("export ")).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring("export ".length(), equals), line.substring(equals + 1));
        });
        return values;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
