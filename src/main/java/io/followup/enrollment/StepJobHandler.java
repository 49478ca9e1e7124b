package io.followup.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.DeliveryException;
import io.followup.delivery.StepSenders;
import io.followup.job.ClaimedJob;
import io.followup.job.JobFailure;
import io.followup.job.JobHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one step of an enrollment through its channel's sender. The send happens outside any transaction
 * (no row lock is held while a provider answers); {@link StepProgress} owns the transactions before and after
 * it, and schedules the next step only once this one was sent. Idempotency keys are stable per step, so a
 * retry after a crash is harmless.
 */
@Component
class StepJobHandler implements JobHandler {

    static final String KIND = "followup.step";
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private final EnrollmentService enrollments;
    private final StepProgress progress;
    private final StepPlanner planner;
    private final StepSenders senders;
    private final LeadWindow window;
    private final WhatsAppRules rules;
    private final JsonMapper json;
    private final Clock clock;
    private final DatabaseTurns turns;

    StepJobHandler(EnrollmentService enrollments, StepProgress progress, StepPlanner planner, StepSenders senders,
            LeadWindow window, WhatsAppRules rules, JsonMapper json, Clock clock, DatabaseTurns turns) {
        this.enrollments = enrollments;
        this.progress = progress;
        this.planner = planner;
        this.senders = senders;
        this.window = window;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
        this.turns = turns;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A step ready to send, and the channel it goes through. */
    private record Ready(StepRows.Due due, Optional<DeliveryChannel> channel) {
    }

    /** The database work before and after the send takes turns ({@link DatabaseTurns}); the send does not. */
    @Override
    public void handle(ClaimedJob job) {
        StepJobPayload task = json.readValue(job.payload(), StepJobPayload.class);
        Optional<Ready> ready = turns.call(() -> prepare(task));
        if (ready.isEmpty()) {
            return;
        }
        StepRows.Due due = ready.get().due();
        String messageId;
        try {
            messageId = senders.send(planner.delivery(due, ready.get().channel().orElseThrow(() -> DeliveryException.permanent(
                    "Template step " + due.step().number() + " needs an official WhatsApp channel, and channel "
                            + due.channelId() + " has none in the configuration"))));
        }
        catch (DeliveryException ex) {
            if (ex.isOptOut()) {
                turns.run(() -> enrollments.refusedOptedOut(task, LeadOptOuts.META_131050, ex.getMessage()));
                return;
            }
            if (ex.isBusy()) {
                throw JobFailure.defer(ex.getMessage(), ex.retryAfter());
            }
            if (ex.isChannelFault()) {
                // Not this lead's fault: the step shows why it waits, and keeps its attempts for real failures.
                turns.run(() -> progress.attemptFailed(task, ex.getMessage()));
                throw JobFailure.defer(ex.getMessage(), ex.retryAfter());
            }
            if (!ex.isRetryable()) {
                throw JobFailure.permanent(ex.getMessage());
            }
            turns.run(() -> progress.attemptFailed(task, ex.getMessage()));
            throw JobFailure.retry(ex.getMessage(), ex.retryAfter(), ex);
        }
        turns.run(() -> progress.sent(task, messageId));
    }

    /** The step to send, or empty when there is none (stopped, replaced, done, opted out or skipped, recorded here). */
    private Optional<Ready> prepare(StepJobPayload task) {
        Optional<StepRows.Due> due = progress.due(task);
        if (due.isEmpty()) {
            return Optional.empty(); // stopped, replaced or already done: nothing to send
        }
        if (due.get().optedOut()) {
            enrollments.stopOptedOut(task);
            return Optional.empty();
        }
        Optional<DeliveryChannel> channel = planner.channelOf(due.get().step(), due.get().channelId());
        Optional<String> skip = skipReason(due.get(), channel);
        if (skip.isPresent()) {
            progress.skipped(task, skip.get());
            return Optional.empty();
        }
        return Optional.of(new Ready(due.get(), channel));
    }

    @Override
    public void onFailed(ClaimedJob job, String error) {
        progress.failed(json.readValue(job.payload(), StepJobPayload.class), error);
    }

    /**
     * A free-form message on an official channel may only go out within 24 h of the lead's last inbound message on
     * that channel, less the margin the assistant needs to write and send it. No known inbound message: no window.
     */
    private Optional<String> skipReason(StepRows.Due due, Optional<DeliveryChannel> channel) {
        if (channel.orElse(null) != DeliveryChannel.ASSISTANT || !due.step().isOnOfficialChannel()) {
            return Optional.empty();
        }
        Optional<Instant> last = window.lastInboundAt(due.tenantId(), due.channelId(), due.leadId());
        if (last.isEmpty()) {
            return Optional.of("No inbound message of the lead is known on channel " + due.channelId()
                    + ", so WhatsApp's 24-hour window is closed: only template messages may be sent");
        }
        Instant now = clock.instant();
        Instant closes = last.get().plus(WHATSAPP_WINDOW);
        if (now.isBefore(closes.minus(rules.windowMargin()))) {
            return Optional.empty();
        }
        String lastMessage = last.get().truncatedTo(ChronoUnit.SECONDS).toString();
        if (now.isBefore(closes)) {
            return Optional.of("The lead's 24-hour window (last message " + lastMessage + ") closes at "
                    + closes.truncatedTo(ChronoUnit.SECONDS) + ", within the margin of " + rules.windowMargin().toMinutes()
                    + " min kept for writing and sending the message: WhatsApp allows only template messages after it");
        }
        return Optional.of("More than 24 hours since the lead's last message (" + lastMessage
                + "): WhatsApp allows only template messages on an official channel");
    }
}
