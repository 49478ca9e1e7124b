package io.followup.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.followup.job.ClaimedJob;
import io.followup.job.JobFailure;
import io.followup.job.JobHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one delivery (job kind {@value DeliveryStore#JOB_KIND}) and records what came of it: a failed attempt gets its
 * successor on the retry schedule, and a subscription failing for {@code disable-after} is disabled. The post is made
 * outside any transaction (no connection is held while a receiver thinks); only a pending delivery is sent, so a job
 * run twice does not post an attempt already recorded.
 */
@Component
class WebhookDeliveryJob implements JobHandler {

    static final String DISABLED_REASON = "Every delivery failed for ";

    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final WebhookUrlGuard guard;
    private final WebhookSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    WebhookDeliveryJob(DeliveryStore deliveries, WebhookSender sender, WebhookUrlGuard guard, WebhookSettings settings,
            JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.guard = guard;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return DeliveryStore.JOB_KIND;
    }

    @Override
    public void handle(ClaimedJob job) {
        UUID deliveryId = deliveryId(job.payload());
        Optional<DeliveryStore.Attempt> found = deliveries.forSending(deliveryId);
        if (found.isEmpty() || !"pending".equals(found.get().status())) {
            return; // deleted with its subscription, or already attempted by an earlier run of this job
        }
        DeliveryStore.Attempt attempt = found.get();
        if (!attempt.active()) {
            transactions.executeWithoutResult(tx -> deliveries.recordOutcome(deliveryId, false, null, null,
                    "Not sent: the subscription is inactive", clock.instant()));
            return;
        }
        Optional<String> refused = guard.refusal(attempt.url());
        WebhookSender.Outcome outcome = refused.map(reason -> new WebhookSender.Outcome(false, null, 0, "Not sent: " + reason))
                .orElseGet(() -> sender.post(attempt));
        transactions.executeWithoutResult(tx -> record(attempt, outcome));
    }

    private void record(DeliveryStore.Attempt attempt, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        if (!deliveries.recordOutcome(attempt.deliveryId(), outcome.succeeded(), outcome.statusCode(), outcome.latencyMs(),
                outcome.error(), now)) {
            return; // a concurrent run of the job recorded it; it schedules what follows
        }
        if (outcome.succeeded()) {
            jdbc.update("UPDATE webhook_subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL",
                    attempt.subscriptionId());
            return;
        }
        // The first failure after a success starts the failing window; one older than disable-after ends the subscription.
        Instant failingSince = jdbc.queryForObject("""
                UPDATE webhook_subscription SET failing_since = COALESCE(failing_since, ?) WHERE id = ?
                RETURNING failing_since""", (rs, n) -> SubscriptionStore.instant(rs, "failing_since"),
                SubscriptionStore.ts(now), attempt.subscriptionId());
        if (failingSince != null && !failingSince.plus(settings.disableAfter()).isAfter(now)) {
            disable(attempt.subscriptionId(), now);
            return;
        }
        List<Duration> schedule = settings.retrySchedule();
        if (attempt.attempt() <= schedule.size()) {
            deliveries.schedule(attempt.eventId(), attempt.subscriptionId(), attempt.attempt() + 1, attempt.redelivery(),
                    now.plus(schedule.get(attempt.attempt() - 1)));
        }
    }

    private void disable(UUID subscriptionId, Instant now) {
        String reason = DISABLED_REASON + settings.disableAfter().toString().substring(2).toLowerCase(Locale.ROOT);
        jdbc.update("""
                UPDATE webhook_subscription SET active = false, disabled_reason = ?, disabled_at = ?, updated_at = ?
                 WHERE id = ? AND active""", reason, SubscriptionStore.ts(now), SubscriptionStore.ts(now), subscriptionId);
        deliveries.failPending(subscriptionId, "Not sent: the subscription was disabled", now);
    }

    private UUID deliveryId(String payload) {
        JsonNode id = json.readTree(payload).get(DeliveryStore.PAYLOAD_DELIVERY_ID);
        if (id == null || !id.isString()) {
            throw JobFailure.permanent("A webhook delivery job without a delivery ID: " + payload);
        }
        return UUID.fromString(id.asString());
    }
}
