package io.followup.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.followup.job.JobQueue;
import io.followup.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;

import static io.followup.webhooks.WebhookAudience.BACKEND;
import static io.followup.webhooks.WebhookAudience.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events from the outbox to a receiver: signed, once each, only when their transaction committed, numbered without gaps. */
class WebhookDeliveryIntegrationTests extends WebhookTestBase {

    @Autowired
    JobQueue jobs;

    @Test
    void externalEventIsPostedOnceWithGetBillSignature() throws Exception {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.DEBT_UPDATED);
        assertThat(issued.secret()).matches("[0-9a-f]{64}");

        record(EXTERNAL, owner, WebhookEvents.DEBT_UPDATED, Map.of("id", "debt-1", "amount", 120.5),
                Map.of("amount", Map.of("old", 100, "new", 120.5)));

        List<DeliveryView> log = awaitLog(EXTERNAL, owner, issued.subscription().id(), 1, "succeeded");
        awaitReceived(url, 1);
        WebhookReceiver.Received request = receiver.received(url).get(0);
        assertThat(WebhookReceiver.getBillSignatureValid(request.header("X-GetBill-Signature"), issued.secret(), request.body()))
                .isTrue();
        assertThat(request.header("X-GetBill-Signature-Previous")).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).isEqualTo("followup-service-webhooks");
        assertThat(request.header("X-Followup-Signature")).isNull();
        JsonNode event = event(request);
        assertThat(event.get("id").asString()).isEqualTo(request.header("X-Webhook-Event-Id")).isEqualTo(log.get(0).eventId().toString());
        assertThat(request.header("X-Webhook-Delivery-Id")).isEqualTo(log.get(0).deliveryId().toString());
        assertThat(request.header("X-Webhook-Sequence")).isEqualTo("1");
        assertThat(event.get("type").asString()).isEqualTo("debt.updated");
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00:00");
        assertThat(event.get("data").get("id").asString()).isEqualTo("debt-1");
        assertThat(event.get("changes").get("amount").get("new").asDouble()).isEqualTo(120.5);
        assertThat(log.get(0)).satisfies(d -> {
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.latencyMs()).isNotNull().isNotNegative();
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.error()).isNull();
            assertThat(d.attemptedAt()).isNotNull();
        });

        // Polls go on every 100 ms: a second post would show by now.
        Thread.sleep(700);
        assertThat(receiver.received(url)).hasSize(1);
    }

    @Test
    void backendEventIsSignedAsTheAssistantWebhookWithBothSecretsDuringAGrace() {
        String owner = newOwner(BACKEND);
        String url = receiver.newUrl();
        IssuedSubscription first = subscribe(BACKEND, owner, url, WebhookEvents.STEP_SENT);
        IssuedSubscription rotated = subscriptions.rotateSecret(BACKEND, owner, first.subscription().id(), Duration.ofHours(1));
        assertThat(rotated.secret()).isNotEqualTo(first.secret());
        assertThat(rotated.subscription().previousSecretExpiresAt()).isNotNull();

        record(BACKEND, owner, WebhookEvents.STEP_SENT, Map.of("enrollment_id", "e-1", "step_number", 1), null);

        awaitReceived(url, 1);
        WebhookReceiver.Received request = receiver.received(url).get(0);
        String timestamp = request.header("X-Followup-Timestamp");
        assertThat(timestamp).matches("\\d{10,}");
        assertThat(WebhookReceiver.followupSignatureValid(request.header("X-Followup-Signature"), timestamp, rotated.secret(),
                request.body())).isTrue();
        assertThat(WebhookReceiver.followupSignatureValid(request.header("X-Followup-Signature-Previous"), timestamp,
                first.secret(), request.body())).isTrue();
        assertThat(WebhookReceiver.followupSignatureValid(request.header("X-Followup-Signature"), timestamp, first.secret(),
                request.body())).isFalse();
        assertThat(request.header("X-GetBill-Signature")).isNull();
        assertThat(event(request).has("changes")).isFalse();
        assertThat(event(request).get("type").asString()).isEqualTo("step.sent");
    }

    @Test
    void rolledBackEventIsNeitherSentNorNumbered() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.DEBT_CREATED, WebhookEvents.DEBT_DELETED);

        transactions.executeWithoutResult(tx -> {
            outbox.record(EXTERNAL, owner, WebhookEvents.DEBT_CREATED, Map.of("id", "rolled-back"), null);
            tx.setRollbackOnly();
        });
        record(EXTERNAL, owner, WebhookEvents.DEBT_DELETED, Map.of("id", "committed"), null);

        awaitLog(EXTERNAL, owner, issued.subscription().id(), 1, "succeeded");
        awaitReceived(url, 1);
        JsonNode event = event(receiver.received(url).get(0));
        assertThat(event.get("data").get("id").asString()).isEqualTo("committed");
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_event WHERE subscription_id = ?", Long.class,
                issued.subscription().id())).isEqualTo(1);
    }

    @Test
    void recordNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.record(EXTERNAL, newOwner(EXTERNAL), WebhookEvents.DEBT_CREATED, Map.of(), null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void concurrentTransactionsGetDistinctGapFreeNumbers() throws Exception {
        String owner = newOwner(BACKEND);
        IssuedSubscription issued = subscribe(BACKEND, owner, receiver.newUrl(), WebhookEvents.STEP_DELIVERED);
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> done = new ArrayList<>();
        // One of them takes a number and then rolls back while the others wait for the row: its number is given again.
        done.add(pool.submit(() -> {
            start.await();
            transactions.executeWithoutResult(tx -> {
                outbox.record(BACKEND, owner, WebhookEvents.STEP_DELIVERED, Map.of("writer", -1), null);
                sleep(300);
                tx.setRollbackOnly();
            });
            return null;
        }));
        for (int i = 0; i < writers; i++) {
            int writer = i;
            done.add(pool.submit(() -> {
                start.await();
                sleep(50);
                record(BACKEND, owner, WebhookEvents.STEP_DELIVERED, Map.of("writer", writer), null);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(jdbc.queryForList("SELECT sequence FROM webhook_event WHERE subscription_id = ? ORDER BY sequence", Long.class,
                issued.subscription().id())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aSecondRunOfADeliveryJobDoesNotPostAgain() throws Exception {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.FOLLOWUP_CREATED);
        record(EXTERNAL, owner, WebhookEvents.FOLLOWUP_CREATED, Map.of("id", "f-1"), null);
        DeliveryView sent = awaitLog(EXTERNAL, owner, issued.subscription().id(), 1, "succeeded").get(0);

        Long rerun = transactions.execute(tx -> jobs.enqueue(DeliveryStore.JOB_KIND,
                Map.of(DeliveryStore.PAYLOAD_DELIVERY_ID, sent.deliveryId().toString()), clock.instant(), null).orElseThrow());
        Eventually.until("the second run finished", () -> "succeeded".equals(
                jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, rerun)));

        assertThat(receiver.received(url)).hasSize(1);
        assertThat(log(EXTERNAL, owner, issued.subscription().id())).hasSize(1);
    }

    @Test
    void onlyActiveSubscriptionsOfTheTypeGetTheEvent() {
        String owner = newOwner(EXTERNAL);
        IssuedSubscription wanted = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED);
        IssuedSubscription otherType = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_DELETED);
        IssuedSubscription inactive = subscribe(EXTERNAL, owner, receiver.newUrl(), WebhookEvents.DEBT_CREATED);
        subscriptions.update(EXTERNAL, owner, inactive.subscription().id(), null, null, false);
        IssuedSubscription otherOwner = subscribe(EXTERNAL, newOwner(EXTERNAL), receiver.newUrl(), WebhookEvents.DEBT_CREATED);
        IssuedSubscription otherAudience = subscribe(BACKEND, owner, receiver.newUrl(), WebhookEvents.STEP_SENT);

        record(EXTERNAL, owner, WebhookEvents.DEBT_CREATED, Map.of("id", "d"), null);

        assertThat(jdbc.queryForList("SELECT subscription_id::text FROM webhook_event WHERE subscription_id IN (?, ?, ?, ?, ?)",
                String.class, wanted.subscription().id(), otherType.subscription().id(), inactive.subscription().id(),
                otherOwner.subscription().id(), otherAudience.subscription().id()))
                .containsExactly(wanted.subscription().id().toString());
        assertThatThrownBy(() -> record(EXTERNAL, owner, WebhookEvents.STEP_SENT, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(EXTERNAL, owner, WebhookEvents.TEST, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
