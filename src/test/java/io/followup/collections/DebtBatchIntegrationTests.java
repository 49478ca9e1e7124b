package io.followup.collections;

import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.ExternalApiFixtures;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GetBill's batch-create-debts (https://docs.getbill.io/api-reference/debts/batch-create-debts): a bad row never stops the good ones. */
class DebtBatchIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DebtBatchIntegrationTests.class);
    private static final String BATCH = ExternalApiFixtures.DEBTS + "/batch";

    @Test
    void goodRowsAreCreatedBadOnesFailAndKnownOnesAreSkipped() {
        String company = company();
        ExternalApiFixtures.createDebt(api, company, "INV-KNOWN");
        ApiResponse answer = post(company, """
                {"batch_name":"January import","debts":[
                  {"temp_id":"import-001","firstname":"John","lastname":"Doe","phone":"+33123456789","email":"john.doe@example.com","amount":1250.00,"currency":"EUR","internal_id":"INV-1"},
                  {"temp_id":"import-002","firstname":"Jane","lastname":"Smith","phone":"+33987654321","amount":"lots","currency":"EURO"},
                  {"temp_id":"import-003","firstname":"Known","lastname":"Debt","email":"k@example.com","amount":5,"currency":"EUR","internal_id":"INV-KNOWN"},
                  {"temp_id":"import-004","firstname":"Twice","lastname":"Over","email":"t@example.com","amount":5,"currency":"EUR","internal_id":"INV-1"},
                  {"temp_id":"import-005","firstname":"Pay","lastname":"More","phone":"+33899123456","amount":5,"currency":"EUR"},
                  "not a debt",
                  {"temp_id":"import-007","firstname":"Ana","lastname":"Lima","email":"ana@example.com","amount":10,"currency":"BRL","surprise":1}
                ]}""");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("error").booleanValue()).isFalse();
        assertThat(answer.json().get("message").asString()).isEqualTo("Batch operation completed");
        JsonNode data = answer.json().get("data");
        assertThat(data.get("import_id").asString()).isNotBlank();
        JsonNode created = data.get("created");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("index").asInt()).isZero();
        assertThat(created.get(0).get("temp_id").asString()).isEqualTo("import-001");
        assertThat(created.get(0).get("status").asString()).isEqualTo("valid");
        assertThat(created.get(0).get("data").get("phone").asString()).isEqualTo("+33123456789");
        String debtId = created.get(0).get("debt_id").asString();
        assertThat(api.request("GET", ExternalApiFixtures.DEBTS + "/" + debtId).token(tokens.external(company)).send().status()).isEqualTo(200);

        JsonNode failed = data.get("failed");
        assertThat(failed).hasSize(4);
        assertThat(failed.get(0).get("temp_id").asString()).isEqualTo("import-002");
        assertThat(failed.get(0).get("errors").propertyNames()).contains("amount", "currency");
        assertThat(failed.get(1).get("index").asInt()).as("an expensive phone not accepted").isEqualTo(4);
        assertThat(failed.get(1).get("errors").has("phone")).isTrue();
        assertThat(failed.get(2).get("index").asInt()).isEqualTo(5);
        assertThat(failed.get(2).get("temp_id").isNull()).isTrue();
        assertThat(failed.get(3).get("errors").get("surprise").asString()).isNotBlank();

        JsonNode skipped = data.get("skipped");
        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0).get("temp_id").asString()).isEqualTo("import-003");
        assertThat(skipped.get(0).get("reason").asString()).contains("INV-KNOWN");
        assertThat(skipped.get(1).get("temp_id").asString()).as("a duplicate within the batch").isEqualTo("import-004");

        JsonNode summary = data.get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(7);
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(4);
        assertThat(summary.get("skipped").asInt()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM debt WHERE company_id = ?", company)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT batch_name || '/' || total || '/' || created FROM debt_import WHERE company_id = ?",
                String.class, company)).isEqualTo("January import/7/1");
    }

    @Test
    void theBatchLevelOptInAcceptsExpensivePhones() {
        String company = company();
        ApiResponse answer = post(company, """
                {"accept_expensive_destination":true,"debts":[
                  {"firstname":"Pay","lastname":"More","phone":"+33899123456","amount":5,"currency":"EUR"}]}""");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("data").get("created")).hasSize(1);
        assertThat(answer.json().get("data").get("created").get(0).has("temp_id")).as("temp_id is always there, null when not sent").isTrue();
        assertThat(jdbc.queryForObject("SELECT batch_name FROM debt_import WHERE company_id = ?", String.class, company))
                .startsWith("API Batch - ");
    }

    @Test
    void aThousandRowsTakeSeconds() {
        String company = company();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            rows.append(i == 0 ? "" : ",").append("""
                    {"temp_id":"t-%d","firstname":"Person","lastname":"N%d","phone":"+3361234%04d","amount":%d.50,"currency":"EUR","internal_id":"B-%d"}"""
                    .formatted(i, i, i, i + 1, i));
        }
        long cpuBefore = cpuNanos();
        long started = System.nanoTime();
        ApiResponse answer = post(company, "{\"debts\":[" + rows + "]}");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long cpuMs = (cpuNanos() - cpuBefore) / 1_000_000;
        log.info("A batch of 1,000 debts took {} ms wall clock, {} ms CPU of this JVM (service and test together)", elapsedMs, cpuMs);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("data").get("summary").get("created").asInt()).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM debt WHERE company_id = ?", company)).isEqualTo(1000);
    }

    @Test
    void aThousandAndOneRowsAreRefusedWholeAndAKeyReplays() {
        String company = company();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"firstname\":\"A\",\"lastname\":\"B\",\"email\":\"a@b.co\",\"amount\":1,\"currency\":\"EUR\"}");
        }
        ApiResponse tooMany = post(company, "{\"debts\":[" + rows + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("details").get("debts").asString()).contains("1000");
        assertThat(count("SELECT count(*) FROM debt WHERE company_id = ?", company)).isZero();
        assertThat(count("SELECT count(*) FROM debt_import WHERE company_id = ?", company)).isZero();

        String body = "{\"debts\":[{\"firstname\":\"A\",\"lastname\":\"B\",\"email\":\"a@b.co\",\"amount\":1,\"currency\":\"EUR\"}]}";
        String key = UUID.randomUUID().toString();
        ApiResponse first = api.request("POST", BATCH).token(tokens.external(company)).header("Idempotency-Key", key).json(body).send();
        ApiResponse again = api.request("POST", BATCH).token(tokens.external(company)).header("Idempotency-Key", key).json(body).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("SELECT count(*) FROM debt WHERE company_id = ?", company)).isEqualTo(1);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private ApiResponse post(String company, String body) {
        return api.request("POST", BATCH).token(tokens.external(company)).json(body).send();
    }

    private long count(String sql, String company) {
        return jdbc.queryForObject(sql, Long.class, company);
    }

    private static String company() {
        return "debt-batch-" + UUID.randomUUID();
    }
}
