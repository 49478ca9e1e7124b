package io.followup.collections;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookOutbox;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Tells a company's webhook subscribers of changes to its debts and follow-ups, in the transaction of the change (the
 * outbox joins it, so a change rolled back tells no one). {@code data} is the record the API answers for the change;
 * {@code changes} lists the wire fields that differ between the answers before and after an update.
 */
@Component
class CollectionsWebhooks {

    /** The statuses a follow-up is done in, for {@code followup.completed} (failed has its own event; cancelled none). */
    static final Set<String> COMPLETED = EnumSet.of(FollowupStatus.SENT, FollowupStatus.DELIVERED, FollowupStatus.NO_ANSWER,
            FollowupStatus.DEAL_FOUND, FollowupStatus.DEAL_NOT_FOUND, FollowupStatus.BAD_BEHAVIOR).stream()
            .map(FollowupStatus::wire).collect(Collectors.toUnmodifiableSet());

    private final WebhookOutbox outbox;
    private final JsonMapper json;

    CollectionsWebhooks(WebhookOutbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    void debtCreated(String companyId, DebtResponse debt) {
        record(companyId, WebhookEvents.DEBT_CREATED, debt, null);
    }

    /** debt.updated when any field changed, and debt.status_changed too when the status did; nothing for an update that changed nothing. */
    void debtUpdated(String companyId, DebtResponse before, DebtResponse after) {
        Map<String, Object> changes = changes(before, after);
        if (changes.isEmpty()) {
            return;
        }
        record(companyId, WebhookEvents.DEBT_UPDATED, after, changes);
        if (changes.containsKey("status")) {
            record(companyId, WebhookEvents.DEBT_STATUS_CHANGED, after, Map.of("status", changes.get("status")));
        }
    }

    void debtDeleted(String companyId, DebtResponse debt) {
        record(companyId, WebhookEvents.DEBT_DELETED, debt, null);
    }

    void followupCreated(String companyId, DebtFollowupResponse followup) {
        record(companyId, WebhookEvents.FOLLOWUP_CREATED, followup, null);
    }

    /** followup.updated when any field changed, and followup.completed or followup.failed when the status became one of those. */
    void followupUpdated(String companyId, DebtFollowupDetailsResponse before, DebtFollowupDetailsResponse after) {
        Map<String, Object> changes = changes(before, after);
        if (changes.isEmpty()) {
            return;
        }
        record(companyId, WebhookEvents.FOLLOWUP_UPDATED, after, changes);
        if (!changes.containsKey("status")) {
            return;
        }
        if (COMPLETED.contains(after.status()) && !COMPLETED.contains(before.status())) {
            record(companyId, WebhookEvents.FOLLOWUP_COMPLETED, after, Map.of("status", changes.get("status")));
        }
        else if (FollowupStatus.FAILED.wire().equals(after.status())) {
            record(companyId, WebhookEvents.FOLLOWUP_FAILED, after, Map.of("status", changes.get("status")));
        }
    }

    /** {field: {"old": x, "new": y}} for each wire field whose JSON differs; a field left out of one answer counts as null. */
    Map<String, Object> changes(Object before, Object after) {
        JsonNode old = json.valueToTree(before);
        JsonNode now = json.valueToTree(after);
        Set<String> fields = new LinkedHashSet<>(old.propertyNames());
        fields.addAll(now.propertyNames());
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode was = old.has(field) ? old.get(field) : NullNode.getInstance();
            JsonNode is = now.has(field) ? now.get(field) : NullNode.getInstance();
            if (!was.equals(is)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("old", was);
                change.put("new", is);
                changes.put(field, change);
            }
        }
        return changes;
    }

    private void record(String companyId, String type, Object data, Map<String, Object> changes) {
        outbox.record(WebhookAudience.EXTERNAL, companyId, type, data, changes);
    }
}
