package io.followup.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.followup.support.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of events taken together ({@link EventBatch}) answers and leaves the database exactly as the per-event path
 * does with the same events one by one; the set path is taken for new leads, and a lead enrolled concurrently sends
 * the batch down the per-event path whole, nothing lost, nothing doubled.
 */
class LeadEventsBatchIntegrationTests extends EnrollmentFixture {

    /** The tenant the same events go to one by one, through the per-event path ({@link EnrollmentService#handle}). */
    private final UUID oneByOne = UUID.randomUUID();

    /** Fixed, so that both tenants' enrollments are due at the same times. */
    private Instant at;

    @Autowired
    private EventBatch batch;

    @Autowired
    private EnrollmentRepository repository;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private EnrollmentService service;

    @Autowired
    private tools.jackson.databind.json.JsonMapper appJson;

    private OneByOneComparison compare;

    @BeforeEach
    void sameConfigForTheOneByOneTenant() {
        at = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(1));
        compare = new OneByOneComparison(service, appJson, jdbc);
        createConfig(oneByOne);
    }

    @Test
    void aBatchOfNewLeadsEnrollsThemAllInOneTransactionReadableByApiAndEntity() {
        long before = batch.handledEvents();
        ArrayNode events = JSON.createArrayNode();
        for (int i = 0; i < LeadEventIntake.MAX_BATCH; i++) {
            events.add(trigger("n-" + i, "lead-n-" + i, trigger, i % 2 == 0 ? at : null));
        }

        ApiResponse response = post(tenant, events.toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(100);
        for (int i = 0; i < 100; i++) {
            JsonNode result = results.get(i);
            assertThat(result.get("event_id").asString()).isEqualTo("n-" + i);
            assertThat(result.get("status").asString()).isEqualTo("processed");
            assertThat(result.get("outcome").asString()).isEqualTo("enrolled");
            assertThat(result.has("detail")).isFalse();
            JsonNode enrollment = enrollment(result.get("enrollment_id").asString());
            assertThat(enrollment.get("lead_id").asString()).isEqualTo("lead-n-" + i);
            assertThat(enrollment.get("status").asString()).isEqualTo("active");
            assertThat(enrollment.get("current_step").asInt()).isEqualTo(1);
            assertThat(enrollment.get("steps")).hasSize(3);
            JsonNode first = enrollment.get("steps").get(0);
            assertThat(first.get("state").asString()).isEqualTo("scheduled");
            assertThat(Instant.parse(first.get("due_at").asString())).isEqualTo(at.plus(Duration.ofMinutes(30)));
            Map<String, Object> job = jdbc.queryForMap(
                    "select kind, status, run_at, dedupe_key, payload ->> 'enrollment_id' as enrollment from job where id = ?",
                    first.get("job_id").asLong());
            assertThat(((java.sql.Timestamp) job.get("run_at")).toInstant()).isEqualTo(at.plus(Duration.ofMinutes(30)));
            assertThat(job).containsEntry("kind", StepJobHandler.KIND).containsEntry("status", "pending")
                    .containsEntry("dedupe_key", "enrollment:" + enrollment.get("id").asString() + ":step:1")
                    .containsEntry("enrollment", enrollment.get("id").asString());
            assertThat(stepState(enrollment, 1)).isEqualTo("pending");
            assertThat(stepState(enrollment, 2)).isEqualTo("pending");
        }
        assertThat(batch.handledEvents() - before).isEqualTo(100);
        // One transaction wrote every row: they all carry its ID.
        assertThat(jdbc.queryForObject("""
                select count(distinct xmin::text) from (select xmin from lead_event where tenant_id = ?
                  union all select xmin from enrollment where tenant_id = ?) rows
                """, Long.class, tenant, tenant)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ? and outcome = 'enrolled'", Long.class, tenant))
                .isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from lead_window where tenant_id = ?", Long.class, tenant)).isEqualTo(50);

        Enrollment entity = repository.findById(UUID.fromString(results.get(0).get("enrollment_id").asString())).orElseThrow();
        assertThat(entity.getLead()).isEqualTo(Map.of("first_name", "Ana", "phone", "+55 11 98888-7777"));
        assertThat(entity.getLeadPhone()).isEqualTo("+5511988887777");
        assertThat(entity.getAppId()).isEqualTo(APP);
        assertThat(entity.getTriggerStatusIds()).containsExactly(trigger);
        assertThat(entity.getVersion()).isZero();
        assertThat(entity.getSteps().get(2).templateParams()).containsExactly("{{LEAD_FIRSTNAME}}");
        assertThat(entity.getSteps().get(2).channel()).isEqualTo(io.followup.delivery.DeliveryChannel.WHATSAPP_GUPSHUP);

        // A later write through JPA (the reply stops it) finds the version the row was inserted with.
        ApiResponse reply = event("""
                {"event_id": "r-0", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "lead-n-0", "occurred_at": "%s"}
                """.formatted(assistant, clock.instant()));
        assertThat(reply.json().get("outcome").asString()).as(reply.toString()).isEqualTo("stopped");
        assertThat(repository.findById(entity.getId()).orElseThrow().getVersion()).isEqualTo(1);
    }

    @Test
    void aMixedBatchAnswersAndWritesWhatTheEventsDoOneByOne() {
        UUID other = UUID.randomUUID();
        List<String> earlier = List.of(
                trigger("pre-r", "lead-replaced", trigger, null).toString(),
                trigger("pre-s", "lead-stopped", trigger, null).toString(),
                trigger("pre-ignored", "lead-ignored", other, null).toString(),
                trigger("pre-dup", "lead-dup", trigger, null).toString(),
                """
                {"event_id": "pre-o", "type": "lead.opted_out", "assistant_id": "%s", "lead_id": "lead-opted", "channel_id": "%s",
                 "occurred_at": "%s"}""".formatted(assistant, channel, at));
        ArrayNode events = JSON.createArrayNode();
        events.add(trigger("b-new", "lead-new", trigger, at));
        events.add(trigger("b-r", "lead-replaced", trigger, at.plusSeconds(1)));
        events.add(trigger("b-s", "lead-stopped", other, null));
        events.add(trigger("b-o", "lead-opted", trigger, at));
        events.add(trigger("pre-ignored", "lead-ignored", other, null));
        events.add(trigger("pre-dup", "lead-dup", trigger, null));
        events.add(trigger("b-twice", "lead-twice-1", trigger, null));
        events.add(trigger("b-twice", "lead-twice-2", trigger, null));
        events.add(trigger("b-m", "lead-m", trigger, null));
        events.add(JSON.readTree("""
                {"event_id": "b-m-reply", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "lead-m", "occurred_at": "%s"}
                """.formatted(assistant, at.plusSeconds(2))));
        events.add(JSON.readTree("""
                {"event_id": "b-bad", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "lead-bad", "occurred_at": "%s"}
                """.formatted(assistant, at)));
        ObjectNode unconfigured = trigger("b-unconfigured", "lead-unconfigured", trigger, null);
        unconfigured.put("assistant_id", UUID.randomUUID().toString());
        events.add(unconfigured);
        events.add(trigger("b-new-2", "lead-new-2", trigger, null));
        // Text that array and JSON literals must quote: the rows go through text[] parameters.
        ObjectNode hostile = trigger("b-hostile", "lead-hostile", trigger, at);
        hostile.put("event_id", "b-\"quoted\", {braced}, back\\slash");
        hostile.put("lead_id", "lead-{x}, \"y\"");
        hostile.put("channel_id", "web, {not official}");
        hostile.set("lead", JSON.readTree("{\"first_name\": \"O'Brien \\\"Bob\\\" \\\\ {x} \\u00e9 \\ud83d\\ude00\", \"age\": 42, \"vip\": true, \"note\": null}"));
        events.add(hostile);
        for (String event : earlier) {
            assertThat(post(tenant, event).status()).isEqualTo(200);
            compare.perEvent(oneByOne, "[" + event + "]");
        }
        long before = batch.handledEvents();

        JsonNode together = post(tenant, events.toString()).json().get("results");
        JsonNode alone = compare.perEvent(oneByOne, events.toString());

        assertThat(batch.handledEvents() - before).as("new leads, the opted-out, the unconfigured and the earlier duplicates")
                .isEqualTo(7);
        assertThat(compare.readable(tenant, together)).isEqualTo(compare.readable(oneByOne, alone));
        assertThat(compare.readable(tenant, together).toString())
                .contains("b-new processed enrolled lead-new", "b-r processed replaced lead-replaced", "b-s processed stopped lead-stopped",
                        "b-o processed ignored - The lead opted out of channel", "pre-ignored duplicate ignored - Status is not a trigger",
                        "pre-dup duplicate enrolled", "b-twice duplicate enrolled", "b-m-reply processed stopped lead-m",
                        "b-bad rejected - - Validation failed {channel_id=channel_id is required, status_id=status_id is required}",
                        "b-unconfigured processed ignored - No active follow-up configuration",
                        "b-\"quoted\", {braced}, back\\slash processed enrolled lead-{x}, \"y\"");
        assertThat(jdbc.queryForObject("select lead ->> 'first_name' from enrollment where tenant_id = ? and lead_id = ?", String.class,
                tenant, "lead-{x}, \"y\"")).isEqualTo("O'Brien \"Bob\" \\ {x} \u00e9 \ud83d\ude00");
        assertThat(compare.rows(tenant)).isEqualTo(compare.rows(oneByOne));
    }

    @Test
    void aLeadEnrolledByAConcurrentRequestSendsTheBatchOneByOneWithNothingLostOrDoubled() throws Exception {
        ArrayNode events = JSON.createArrayNode();
        for (int i = 0; i < 5; i++) {
            events.add(trigger("c-" + i, "lead-c-" + i, trigger, at));
        }
        long before = batch.handledEvents();
        try (Connection concurrent = dataSource.getConnection()) {
            concurrent.setAutoCommit(false);
            try (PreparedStatement insert = concurrent.prepareStatement("""
                    INSERT INTO enrollment (id, tenant_id, assistant_id, lead_id, channel_id, config_id, status, trigger_status_id,
                        trigger_status_ids, triggered_at, lead, steps, current_step, version, created_at, updated_at)
                    VALUES (gen_random_uuid(), ?, ?, 'lead-c-3', ?, gen_random_uuid(), 'active', ?, ARRAY[?]::uuid[], ?, '{}', '[]', 1, 0, now(), now())
                    """)) {
                insert.setObject(1, tenant);
                insert.setObject(2, assistant);
                insert.setString(3, channel.toString());
                insert.setObject(4, trigger);
                insert.setObject(5, trigger);
                insert.setObject(6, at.minusSeconds(60).atOffset(java.time.ZoneOffset.UTC));
                insert.executeUpdate();
            }
            CompletableFuture<ApiResponse> response = CompletableFuture.supplyAsync(() -> post(tenant, events.toString()));
            // The batch's insert of lead-c-3 waits on the unique index for the concurrent transaction: commit it now.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%INSERT INTO enrollment%'
                    """, Long.class) > 0);
            concurrent.commit();

            JsonNode results = response.get().json().get("results");
            assertThat(results).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(results.get(i).get("status").asString()).isEqualTo("processed");
                assertThat(results.get(i).get("outcome").asString()).isEqualTo(i == 3 ? "replaced" : "enrolled");
            }
        }
        assertThat(batch.handledEvents()).as("rolled back whole, answered one by one").isEqualTo(before);
        assertThat(jdbc.queryForList("select lead_id from enrollment where tenant_id = ? and status = 'active' order by lead_id",
                String.class, tenant)).containsExactly("lead-c-0", "lead-c-1", "lead-c-2", "lead-c-3", "lead-c-4");
        assertThat(jdbc.queryForObject("select count(*) from enrollment where tenant_id = ?", Long.class, tenant)).isEqualTo(6);
        // No job of the rolled-back transaction: each pending job belongs to an enrollment, one per active enrollment.
        assertThat(jdbc.queryForObject("""
                select count(*) from job j join enrollment e on e.id = (j.payload ->> 'enrollment_id')::uuid
                where e.tenant_id = ? and j.status = 'pending'
                """, Long.class, tenant)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from lead_event where tenant_id = ?", Long.class, tenant)).isEqualTo(5);
        assertThat(jdbc.queryForList("select outcome from lead_event where tenant_id = ? order by event_id", String.class, tenant))
                .containsExactly("enrolled", "enrolled", "enrolled", "replaced", "enrolled");
    }

    @Test
    void aSingleEventOfANewLeadTakesTheSetPath() {
        long before = batch.handledEvents();

        ApiResponse response = post(tenant, trigger("s-1", "lead-s-1", trigger, at).toString());

        assertThat(response.json().get("outcome").asString()).as(response.toString()).isEqualTo("enrolled");
        assertThat(batch.handledEvents() - before).isEqualTo(1);
        assertThat(post(tenant, trigger("s-1", "lead-s-1", trigger, at).toString()).json().get("status").asString())
                .isEqualTo("duplicate");
        assertThat(batch.handledEvents() - before).as("a repeat is answered from its first outcome before its lead is looked at")
                .isEqualTo(2);
    }

    private ObjectNode trigger(String eventId, String lead, UUID status, Instant lastInbound) {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+55 11 98888-7777"}}
                """.formatted(eventId, assistant, lead, channel, status, at));
        if (lastInbound != null) {
            event.put("last_inbound_at", lastInbound.toString());
        }
        return event;
    }

    private ApiResponse post(UUID tenantId, String body) {
        return api.request("POST", "/backend/followup/events").token(tokens.backend(tenantId)).json(body).send();
    }
}
