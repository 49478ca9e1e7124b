package io.followup.enrollment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.web.FieldByFieldReader;
import io.followup.web.InvalidRequestException;
import io.followup.web.JsonErrorReader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one event or a batch. The status changes of leads with no running enrollment go through {@link EventBatch},
 * all in one transaction; every other event to the service, in a transaction of its own, in the batch's order.
 */
@Component
class LeadEventIntake {

    static final int MAX_BATCH = 100;

    private final EnrollmentService service;
    private final EventBatch together;
    private final JsonMapper json;

    LeadEventIntake(EnrollmentService service, EventBatch together, JsonMapper json) {
        this.service = service;
        this.together = together;
        this.json = json;
    }

    /** A single event: a bad one is a 400 naming its fields. */
    EventResult single(UUID tenantId, JsonNode body) {
        LeadEventRequest event = read(body);
        EventResult[] result = new EventResult[1];
        handle(tenantId, List.of(new EventBatch.Accepted(0, event, LeadEventValidator.check(event))), result);
        return result[0];
    }

    /** A batch: each event is processed or rejected on its own; one bad event does not stop the others. */
    List<EventResult> batch(UUID tenantId, JsonNode body) {
        if (body.isEmpty() || body.size() > MAX_BATCH) {
            throw new InvalidRequestException(Map.of("body", "A batch holds 1 to " + MAX_BATCH + " events"));
        }
        EventResult[] results = new EventResult[body.size()];
        List<EventBatch.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode node = body.get(i);
            String eventId = node.path("event_id").isString() ? node.path("event_id").asString() : null;
            try {
                LeadEventRequest event = read(node);
                accepted.add(new EventBatch.Accepted(i, event, LeadEventValidator.check(event)));
            }
            catch (InvalidRequestException ex) {
                results[i] = EventResult.rejected(eventId, ex.details());
            }
        }
        handle(tenantId, accepted, results);
        return Arrays.asList(results);
    }

    private void handle(UUID tenantId, List<EventBatch.Accepted> events, EventResult[] results) {
        together.handle(tenantId, events).forEach((index, result) -> results[index] = result);
        for (EventBatch.Accepted accepted : events) {
            if (results[accepted.index()] == null) {
                results[accepted.index()] = handle(tenantId, accepted.event());
            }
        }
    }

    private LeadEventRequest read(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestException(Map.of("body", "An event is a JSON object"));
        }
        FieldByFieldReader.Result<LeadEventRequest> read;
        try {
            read = FieldByFieldReader.read(json, (ObjectNode) node, json.constructType(LeadEventRequest.class));
        }
        catch (JacksonException ex) {
            throw new InvalidRequestException(JsonErrorReader.describe(ex));
        }
        if (read.problems() != null) {
            // Fields that could not be read are reported with whatever else is wrong with the event.
            Map<String, String> otherErrors = Map.of();
            try {
                LeadEventValidator.check(read.value());
            }
            catch (InvalidRequestException ex) {
                otherErrors = ex.details();
            }
            throw new InvalidRequestException(read.problems().mergedWith(otherErrors));
        }
        return read.value();
    }

    private EventResult handle(UUID tenantId, LeadEventRequest event) {
        try {
            return service.handle(tenantId, event);
        }
        catch (DataIntegrityViolationException ex) {
            // Two triggers for one lead raced to create its running enrollment; the loser replays
            // against the winner's result (its event ID was rolled back with it).
            return service.handle(tenantId, event);
        }
    }
}
