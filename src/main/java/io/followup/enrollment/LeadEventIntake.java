package io.followup.enrollment;

import java.util.ArrayList;
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

/** Reads one event or a batch, and hands each to the service in a transaction of its own. */
@Component
class LeadEventIntake {

    static final int MAX_BATCH = 100;

    private final EnrollmentService service;
    private final JsonMapper json;

    LeadEventIntake(EnrollmentService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** A single event: a bad one is a 400 naming its fields. */
    EventResult single(UUID tenantId, JsonNode body) {
        return handle(tenantId, read(body));
    }

    /** A batch: each event is processed or rejected on its own; one bad event does not stop the others. */
    List<EventResult> batch(UUID tenantId, JsonNode body) {
        if (body.isEmpty() || body.size() > MAX_BATCH) {
            throw new InvalidRequestException(Map.of("body", "A batch holds 1 to " + MAX_BATCH + " events"));
        }
        List<EventResult> results = new ArrayList<>();
        for (JsonNode node : body) {
            String eventId = node.path("event_id").isString() ? node.path("event_id").asString() : null;
            try {
                results.add(handle(tenantId, read(node)));
            }
            catch (InvalidRequestException ex) {
                results.add(EventResult.rejected(eventId, ex.details()));
            }
        }
        return results;
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
