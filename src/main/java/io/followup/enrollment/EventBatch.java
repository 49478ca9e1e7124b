package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.followup.config.FollowupSequences;
import io.followup.config.SequenceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The common case of event intake, a whole batch in one transaction and a few statements: {@code lead.status_changed}
 * events of leads with no running enrollment. Each event is decided as the per-event path decides it
 * ({@link StatusDecision}), from facts looked up for the batch at once. What it leaves, the per-event path takes:
 * other types, leads with a running enrollment (replace, stop), and leads or event IDs seen twice in the batch,
 * whose events depend on each other's order. Events of different leads are independent, so taking some out of the
 * batch's order changes nothing.
 */
@Component
class EventBatch {

    private static final Logger log = LoggerFactory.getLogger(EventBatch.class);

    /** A valid event of a request, with its place in it. */
    record Accepted(int index, LeadEventRequest event, Instant occurredAt) {
    }

    private final LeadActivity leads;
    private final LeadWindow window;
    private final OptOutRecords optOuts;
    private final EnrollmentRows rows;
    private final FollowupSequences sequences;
    private final StepPlanner planner;
    private final StepSchedule schedule;
    private final EnrollmentWebhooks webhooks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** Events answered here (not by the per-event path), so that tests can tell which path a batch took. */
    private final AtomicLong handled = new AtomicLong();

    EventBatch(LeadActivity leads, LeadWindow window, OptOutRecords optOuts, EnrollmentRows rows, FollowupSequences sequences,
            StepPlanner planner, StepSchedule schedule, EnrollmentWebhooks webhooks, PlatformTransactionManager transactions,
            Clock clock) {
        this.leads = leads;
        this.window = window;
        this.optOuts = optOuts;
        this.rows = rows;
        this.sequences = sequences;
        this.planner = planner;
        this.schedule = schedule;
        this.webhooks = webhooks;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Handles the events it can; @return their results by {@link Accepted#index}. Empty when a concurrent request
     * enrolled one of the leads meanwhile: the transaction is rolled back whole and every event is left to the
     * per-event path, which settles that race.
     */
    Map<Integer, EventResult> handle(UUID tenantId, List<Accepted> events) {
        List<Accepted> together = together(events);
        if (together.isEmpty()) {
            return Map.of();
        }
        try {
            Map<Integer, EventResult> results = transaction.execute(status -> inOneTransaction(tenantId, together));
            handled.addAndGet(results.size());
            return results;
        }
        catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
            log.debug("A batch of {} events raced a concurrent request; each goes on its own", together.size(), ex);
            return Map.of();
        }
    }

    long handledEvents() {
        return handled.get();
    }

    /** The status changes whose lead and event ID appear once among the valid events. */
    private static List<Accepted> together(List<Accepted> events) {
        Map<String, Long> leadIds = count(events, accepted -> accepted.event().leadId());
        Map<String, Long> eventIds = count(events, accepted -> accepted.event().eventId());
        return events.stream()
                .filter(accepted -> LeadEventRequest.STATUS_CHANGED.equals(accepted.event().type()))
                .filter(accepted -> leadIds.get(accepted.event().leadId()) == 1 && eventIds.get(accepted.event().eventId()) == 1)
                .toList();
    }

    private static Map<String, Long> count(List<Accepted> events, Function<Accepted, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private Map<Integer, EventResult> inOneTransaction(UUID tenantId, List<Accepted> events) {
        Map<Integer, EventResult> results = new HashMap<>();
        // A repeated event answers its first outcome, whatever has happened to its lead since.
        Map<String, LeadActivity.HandledEvent> before = leads.handledEvents(tenantId, eventIds(events));
        List<Accepted> fresh = new ArrayList<>();
        for (Accepted accepted : events) {
            LeadActivity.HandledEvent first = before.get(accepted.event().eventId());
            if (first != null) {
                results.put(accepted.index(), EventResult.duplicate(accepted.event().eventId(), first.outcome(), first.detail()));
            }
            else {
                fresh.add(accepted);
            }
        }
        if (fresh.isEmpty()) {
            return results;
        }
        Set<EnrollmentRows.AssistantLead> running = rows.running(tenantId, fresh.stream().map(EventBatch::assistantLead).toList());
        List<Decided> decided = decide(tenantId, fresh.stream().filter(accepted -> !running.contains(assistantLead(accepted))).toList());
        if (decided.isEmpty()) {
            return results;
        }
        Set<String> claimed = leads.claimEvents(tenantId, decided.stream().map(Decided::claim).toList(), clock.instant());
        List<Decided> won = new ArrayList<>();
        List<Decided> lost = new ArrayList<>();
        decided.forEach(each -> (claimed.contains(each.accepted().event().eventId()) ? won : lost).add(each));
        answerLost(tenantId, lost, results);
        window.inboundAtAll(tenantId, won.stream().map(Decided::inbound).filter(inbound -> inbound != null).toList());
        List<Enrollment> enrolled = scheduleFirstSteps(won);
        rows.insertAll(enrolled);
        enrolled.forEach(webhooks::started);
        won.forEach(each -> results.put(each.accepted().index(), each.result()));
        return results;
    }

    /** An event decided: its result, and the enrollment it creates (not yet scheduled), if any. */
    private record Decided(Accepted accepted, EventResult result, Enrollment enrollment) {

        LeadActivity.Claim claim() {
            return new LeadActivity.Claim(accepted.event().eventId(), accepted.event().type(), result.outcome(), result.detail());
        }

        LeadWindow.Inbound inbound() {
            Instant at = LeadEventValidator.lastInboundAt(accepted.event());
            return at == null ? null : new LeadWindow.Inbound(accepted.event().channelId(), accepted.event().leadId(), at);
        }
    }

    private List<Decided> decide(UUID tenantId, List<Accepted> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<OptOutRecords.LeadOnChannel> optedOut = optOuts.optedOut(tenantId, events.stream()
                .map(accepted -> new OptOutRecords.LeadOnChannel(accepted.event().channelId(), accepted.event().leadId())).toList());
        Map<UUID, Optional<SequenceSnapshot>> configs = new HashMap<>();
        Instant now = clock.instant();
        List<Decided> decided = new ArrayList<>();
        for (Accepted accepted : events) {
            LeadEventRequest event = accepted.event();
            StatusDecision decision = StatusDecision.of(event, accepted.occurredAt(), new StatusDecision.Facts() {
                @Override
                public boolean optedOut() {
                    return optedOut.contains(new OptOutRecords.LeadOnChannel(event.channelId(), event.leadId()));
                }

                @Override
                public Optional<Enrollment> running() {
                    return Optional.empty();
                }

                @Override
                public Optional<SequenceSnapshot> config() {
                    return configs.computeIfAbsent(event.assistantId(), assistant -> sequences.findActive(tenantId, assistant));
                }
            }, planner);
            Enrollment enrollment = decision.action() == StatusDecision.Action.ENROLL
                    ? decision.enrollment(tenantId, event, accepted.occurredAt(), now) : null;
            decided.add(new Decided(accepted, decision.result(event, enrollment), enrollment));
        }
        return decided;
    }

    /** Events claimed by a concurrent request between the first look and the claim: duplicates, as one by one. */
    private void answerLost(UUID tenantId, List<Decided> lost, Map<Integer, EventResult> results) {
        if (lost.isEmpty()) {
            return;
        }
        Map<String, LeadActivity.HandledEvent> first = leads.handledEvents(tenantId,
                lost.stream().map(each -> each.accepted().event().eventId()).toList());
        for (Decided each : lost) {
            String eventId = each.accepted().event().eventId();
            LeadActivity.HandledEvent handledEvent = first.getOrDefault(eventId, new LeadActivity.HandledEvent("processing", null));
            results.put(each.accepted().index(), EventResult.duplicate(eventId, handledEvent.outcome(), handledEvent.detail()));
        }
    }

    /** Schedules the first step of each new enrollment, the jobs in one statement; @return the enrollments, ready to insert */
    private List<Enrollment> scheduleFirstSteps(List<Decided> won) {
        Instant now = clock.instant();
        List<Decided> enrolling = won.stream().filter(each -> each.enrollment() != null).toList();
        List<Enrollment> enrollments = enrolling.stream().map(Decided::enrollment).toList();
        schedule.currentAll(enrollments, enrolling.stream().map(each -> StatusDecision.anchor(each.accepted().occurredAt(), now)).toList());
        return enrollments;
    }

    private static List<String> eventIds(List<Accepted> events) {
        return events.stream().map(accepted -> accepted.event().eventId()).toList();
    }

    private static EnrollmentRows.AssistantLead assistantLead(Accepted accepted) {
        return new EnrollmentRows.AssistantLead(accepted.event().assistantId(), accepted.event().leadId());
    }
}
