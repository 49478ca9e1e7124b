package io.followup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
                    "export ASSISTANT_SECRET=");

            // Ctrl+C: the poller hands its jobs back before the embedded database stops, not after.
            assertThat(local.stop(Duration.ofSeconds(60))).as("stopped in time").isTrue();

            String log = local.log();
            assertThat(log).contains("followup-service is up at");
            assertThat(log).doesNotContain("Failed to stop bean", "terminating connection due to administrator command");
            assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                    .as("stack trace lines in:%n%s", log).isEmpty();
        }
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
