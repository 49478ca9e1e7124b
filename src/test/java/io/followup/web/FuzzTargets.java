package io.followup.web;

import java.util.List;
import java.util.UUID;

import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.TestClock;
import io.followup.support.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The valid bodies the fuzz starts from, the resources it aims at (made on first use, in a tenant and
 * a company of the fuzz's own) and a fingerprint of every table a write endpoint may change.
 */
final class FuzzTargets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final TestTokens tokens;
    private final TestClock clock;
    private final UUID tenant;
    private final String company;
    private final UUID assistant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();
    private final String channel = UUID.randomUUID().toString();
    private String configId;
    private String debtId;
    private String followupId;
    private String otherFollowupId;
    private String debtorId;
    private String otherDebtorId;
    private String otherDebtId;

    FuzzTargets(ApiClient api, TestTokens tokens, TestClock clock, UUID tenant, String company) {
        this.api = api;
        this.tokens = tokens;
        this.clock = clock;
        this.tenant = tenant;
        this.company = company;
    }

    /** The seed's example configuration, for a new assistant each time. */
    ObjectNode newConfig() {
        return config(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString());
    }

    ObjectNode configUpdate() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("trigger_status_ids").add(trigger.toString()).add(UUID.randomUUID().toString());
        body.putArray("steps").addObject().put("interval", "PT45M").put("prompt", "Any news?");
        body.put("is_active", true);
        return body;
    }

    /** A lead entering a trigger status of the fuzz tenant's assistant, so a valid one enrolls the lead. */
    ObjectNode event() {
        configId();
        ObjectNode event = JSON.createObjectNode()
                .put("event_id", "fuzz-" + UUID.randomUUID())
                .put("type", "lead.status_changed")
                .put("assistant_id", assistant.toString())
                .put("lead_id", "lead-" + UUID.randomUUID())
                .put("channel_id", channel)
                .put("status_id", trigger.toString())
                .put("occurred_at", clock.instant().toString());
        event.putObject("lead").put("first_name", "Ana").put("phone", "+5511999998888").put("vip", true).put("score", 7);
        return event;
    }

    ObjectNode replyEvent() {
        return JSON.createObjectNode()
                .put("event_id", "fuzz-" + UUID.randomUUID())
                .put("type", "lead.message_received")
                .put("assistant_id", assistant.toString())
                .put("lead_id", "lead-" + UUID.randomUUID())
                .put("occurred_at", clock.instant().toString());
    }

    ObjectNode debt() {
        ObjectNode body = JSON.createObjectNode()
                .put("internal_id", "INV-" + UUID.randomUUID())
                .put("firstname", "Maria")
                .put("lastname", "Silva")
                .put("phone", "+5511999998888")
                .put("email", "maria@example.com");
        body.put("amount", new java.math.BigDecimal("1500.00"));
        return body.put("currency", "BRL").put("due_date", "2024-02-01");
    }

    /** GetBill's update-debt example body (https://docs.getbill.io/api-reference/debts/update-debt), every kind of field. */
    ObjectNode debtChange() {
        ObjectNode body = JSON.createObjectNode()
                .put("email", "john.doe@newmail.com")
                .put("phone", "+33987654321")
                .put("civility", "Mr")
                .put("birthdate", "1985-06-15")
                .put("street_address", "123 Main Street")
                .put("postal_code", "75001")
                .put("city", "Paris")
                .put("country", "FR")
                .put("status", "status.default.paid")
                .put("iban", "FR1420041010050500013M02606")
                .put("payment_link", "https://pay.example.com/xyz789");
        body.put("amount", new java.math.BigDecimal("1250.00"));
        body.putObject("metadata").put("crm_id", "CRM-123");
        return body;
    }

    /** GetBill's batch-create-debts body (https://docs.getbill.io/api-reference/debts/batch-create-debts) with two rows. */
    ObjectNode debtBatch() {
        ObjectNode body = JSON.createObjectNode().put("batch_name", "Fuzz import").put("accept_expensive_destination", false);
        var rows = body.putArray("debts");
        rows.add(debt().put("temp_id", "import-001"));
        rows.add(debt().put("temp_id", "import-002").put("email", "jane.smith@example.com"));
        return body;
    }

    /** The seed's example request, for the fuzz company's debt. */
    ObjectNode followup() {
        return JSON.createObjectNode()
                .put("debt_id", debtId())
                .put("type", "call")
                .put("status", "scheduled")
                .put("scheduled_at", "2024-01-25T10:00:00Z")
                .put("summary", "Follow-up call to discuss payment plan")
                .put("notes", "Customer previously expressed interest in monthly payment schedule");
    }

    /** A change touching every kind of field a followup has, GetBill's tracking fields included (agreeing with each other). */
    ObjectNode followupChange() {
        ObjectNode body = followup()
                .put("status", "no_answer")
                .put("call_date", "2024-01-25T10:05:00-03:00")
                .put("call_id", "call-123")
                .put("audio_url", "https://calls.example.com/123.mp3")
                .put("pdf_url", "https://docs.example.com/123.pdf")
                .put("duration_ms", 45_000)
                .put("phone_number_used", "+5511999998888")
                .put("direction", "outbound")
                .put("disconnection_reason", "callee hung up")
                .put("is_retry", true)
                .put("triggered_payment", true)
                .put("email_opened", true)
                .put("email_open_count", 3)
                .put("email_first_opened_at", "2024-01-25T12:30:00+00:00")
                .put("email_clicked", true)
                .put("email_click_count", 1)
                .put("media_urls_expire_at", "2024-01-25T14:05:00Z");
        return body;
    }

    /** GetBill's update-debtor example (https://docs.getbill.io/api-reference/debtors/update-debtor), every field given. */
    ObjectNode debtorChange() {
        return JSON.createObjectNode()
                .put("firstName", "John")
                .put("lastName", "Doe")
                .put("email", "john.newemail@example.com")
                .put("phone", "+33699999999")
                .put("address", "456 New Street, 75002 Paris, France")
                .put("dateOfBirth", "1985-03-15");
    }

    /** The debtor of the fuzz company's debt. */
    String debtorId() {
        if (debtorId == null) {
            debtorId = debtorOf(company, debtId());
        }
        return debtorId;
    }

    String otherCompanysDebtorId() {
        if (otherDebtorId == null) {
            String other = "fuzz-other-" + UUID.randomUUID();
            otherDebtorId = debtorOf(other, ExternalApiFixtures.createDebt(api, other));
        }
        return otherDebtorId;
    }

    String configId() {
        if (configId == null) {
            ApiResponse created = api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant))
                    .json(JSON.writeValueAsString(config(assistant, trigger, channel))).send();
            assertThat(created.status()).as("set-up config: " + created).isEqualTo(201);
            configId = created.json().get("id").asString();
        }
        return configId;
    }

    String debtId() {
        if (debtId == null) {
            debtId = ExternalApiFixtures.createDebt(api, company);
        }
        return debtId;
    }

    String followupId() {
        if (followupId == null) {
            followupId = createFollowup(company, debtId());
        }
        return followupId;
    }

    String otherCompanysDebtId() {
        if (otherDebtId == null) {
            otherDebtId = ExternalApiFixtures.createDebt(api, "fuzz-other-" + UUID.randomUUID());
        }
        return otherDebtId;
    }

    String otherCompanysFollowupId() {
        if (otherFollowupId == null) {
            String other = "fuzz-other-" + UUID.randomUUID();
            otherFollowupId = createFollowup(other, ExternalApiFixtures.createDebt(api, other));
        }
        return otherFollowupId;
    }

    /**
     * Row counts of every table a write endpoint may change, and a checksum of the fuzz tenant's and
     * company's rows. Enrollments by ID only: the job poller may move an accepted one on meanwhile.
     */
    String snapshot(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT concat_ws(' | ',
                  (SELECT count(*) FROM followup_config), (SELECT count(*) FROM lead_event), (SELECT count(*) FROM lead_window), (SELECT count(*) FROM lead_opt_out),
                  (SELECT count(*) FROM enrollment), (SELECT count(*) FROM debt), (SELECT count(*) FROM debt_followup),
                  (SELECT count(*) FROM debtor), (SELECT count(*) FROM debt_import),
                  (SELECT md5(coalesce(string_agg(row_to_json(c)::text, ',' ORDER BY id), '')) FROM followup_config c WHERE tenant_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY event_id), '')) FROM lead_event e WHERE tenant_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(l)::text, ',' ORDER BY channel_id, lead_id), '')) FROM lead_window l WHERE tenant_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(o)::text, ',' ORDER BY channel_id, lead_id), '')) FROM lead_opt_out o WHERE tenant_id = ?),
                  (SELECT md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM enrollment WHERE tenant_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(d)::text, ',' ORDER BY id), '')) FROM debt d WHERE company_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(f)::text, ',' ORDER BY id), '')) FROM debt_followup f WHERE company_id = ?),
                  (SELECT md5(coalesce(string_agg(row_to_json(r)::text, ',' ORDER BY id), '')) FROM debtor r WHERE company_id = ?))
                """, String.class, tenant, tenant, tenant, tenant, tenant, company, company, company);
    }

    /** Stops the enrollments the fuzz made (a reply stops them), so none of their steps goes out later. */
    void stopActiveEnrollments(JdbcTemplate jdbc) {
        List<String> leads = jdbc.queryForList("SELECT lead_id FROM enrollment WHERE tenant_id = ? AND assistant_id = ? AND status = 'active'",
                String.class, tenant, assistant);
        for (String lead : leads) {
            ObjectNode reply = replyEvent().put("lead_id", lead).put("occurred_at", clock.instant().plusSeconds(1).toString());
            ApiResponse stopped = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant))
                    .json(JSON.writeValueAsString(reply)).send();
            assertThat(stopped.status()).as("stopping the fuzz's enrollment of " + lead + ": " + stopped).isEqualTo(200);
        }
    }

    private static ObjectNode config(UUID assistant, UUID trigger, String channel) {
        ObjectNode body = JSON.createObjectNode();
        body.put("assistant_id", assistant.toString());
        body.putArray("trigger_status_ids").add(trigger.toString());
        var steps = body.putArray("steps");
        steps.addObject().put("interval", "PT30M").put("prompt", "Friendly follow-up message");
        steps.addObject().put("interval", "PT2H").put("prompt", "Offer a product demo");
        ObjectNode official = body.putArray("official_steps").addObject()
                .put("channel_id", channel)
                .put("channel_name", "WhatsApp Business")
                .put("app_id", "gupshup_app_12345");
        official.putArray("steps").addObject()
                .put("interval", "P1D")
                .put("template_name", "reengagement_v1")
                .put("template_language", "en")
                .putArray("template_params").add("{{LEAD_FIRSTNAME}}");
        return body;
    }

    private String debtorOf(String owner, String debt) {
        ApiResponse read = api.request("GET", ExternalApiFixtures.DEBTS + "/" + debt).token(tokens.external(owner)).send();
        assertThat(read.status()).as("set-up debt's debtor: " + read).isEqualTo(200);
        return read.json().get("data").get("debtor_id").asString();
    }

    private String createFollowup(String owner, String debt) {
        return ExternalApiFixtures.createFollowup(api, owner, JSON.writeValueAsString(followup().put("debt_id", debt))).get("id").asString();
    }
}
