package io.followup.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on the external creates, over HTTP against real PostgreSQL; each test in a company of its own. */
class IdempotencyIntegrationTests extends IntegrationTest {

    private static final String DEBTS = "/external-api/v1/debts";
    private static final String FOLLOWUPS = "/external-api/v1/followups";

    @Autowired
    private IdempotencyCleanup cleanup;

    @Test
    void aRetriedFollowupCreateReplaysTheFirstAnswerAndCreatesNothing() {
        String company = company();
        String body = followup(debt(company));
        String key = UUID.randomUUID().toString();

        ApiResponse first = post(FOLLOWUPS, company, key, body);
        ApiResponse retry = post(FOLLOWUPS, company, key, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("X-RateLimit-Remaining")).as("counted as a request of its own").isNotNull();
        assertThat(followupsOf(company)).isEqualTo(1);
    }

    @Test
    void aRetriedDebtCreateReplaysTooAndAFreshKeyCreatesAgain() {
        String company = company();
        String key = UUID.randomUUID().toString();
        String body = "{\"internal_id\": \"INV-1\", \"firstname\": \"Maria\", \"lastname\": \"Silva\", \"email\": \"maria@example.com\", \"amount\": 10.00, \"currency\": \"BRL\"}";

        ApiResponse first = post(DEBTS, company, key, body);
        ApiResponse retry = post(DEBTS, company, key, body);
        ApiResponse withoutKey = api.request("POST", DEBTS).token(tokens.external(company)).json(body).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(withoutKey.status()).as("no key: the duplicate reference is refused as always").isEqualTo(409);
        assertThat(withoutKey.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusalIsReplayedToo() {
        String company = company();
        String key = UUID.randomUUID().toString();

        ApiResponse first = post(FOLLOWUPS, company, key, "{\"type\": \"call\"}");
        ApiResponse retry = post(FOLLOWUPS, company, key, "{\"type\": \"call\"}");

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void theSameKeyWithAnotherBodyOrEndpointIs422() {
        String company = company();
        String debtId = debt(company);
        String key = UUID.randomUUID().toString();
        post(FOLLOWUPS, company, key, followup(debtId));

        ApiResponse otherBody = post(FOLLOWUPS, company, key, followup(debtId).replace("call", "email"));
        ApiResponse otherEndpoint = post(DEBTS, company, key, followup(debtId));

        for (ApiResponse response : List.of(otherBody, otherEndpoint)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.json().get("error").asBoolean()).isTrue();
            assertThat(response.json().get("code").asInt()).isEqualTo(422);
            assertThat(response.json().get("message").asString()).isEqualTo("Idempotency-Key was already used with a different request");
            assertThat(response.json().get("details").has("Idempotency-Key")).isTrue();
            assertThat(response.header("Idempotent-Replayed")).isNull();
        }
        assertThat(followupsOf(company)).isEqualTo(1);
    }

    @Test
    void keysBelongToOneClient() {
        String key = UUID.randomUUID().toString();
        String companyA = company();
        String companyB = company();
        String otherClient = tokens.sign(Map.of("company_id", companyA, "client_id", "second-integration",
                "scope", TestTokens.EXTERNAL_SCOPES), Duration.ofHours(1));

        ApiResponse a = post(FOLLOWUPS, companyA, key, followup(debt(companyA)));
        ApiResponse b = post(FOLLOWUPS, companyB, key, followup(debt(companyB)));
        ApiResponse aOther = api.request("POST", FOLLOWUPS).token(otherClient).header("Idempotency-Key", key)
                .json(followup(debt(companyA))).send();

        assertThat(List.of(a.status(), b.status(), aOther.status())).containsOnly(201);
        assertThat(b.header("Idempotent-Replayed")).isNull();
        assertThat(aOther.header("Idempotent-Replayed")).isNull();
        assertThat(followupsOf(companyA)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "x"})
    void aMalformedKeyIs400(String key) {
        String value = key.equals("x") ? "k".repeat(256) : key;
        String company = company();

        ApiResponse response = post(FOLLOWUPS, company, value, followup(debt(company)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("Validation failed");
        assertThat(response.json().get("details").get("Idempotency-Key").asString())
                .isEqualTo("Idempotency-Key must be 1 to 255 printable ASCII characters without spaces, such as a UUID");
        assertThat(followupsOf(company)).isZero();
    }

    @Test
    void theLongestKeyIsAccepted() {
        String company = company();

        ApiResponse response = post(FOLLOWUPS, company, "k".repeat(255), followup(debt(company)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aKeyStillInProgressIs409AndIsTakenOverOnceItsLockRunsOut() throws Exception {
        String company = company();
        String body = followup(debt(company));
        String key = UUID.randomUUID().toString();
        String client = "%d:%s:test-client".formatted(company.length(), company);
        jdbc.update("""
                INSERT INTO idempotency_key (client_key, idempotency_key, request_hash, status, owner, locked_until, created_at, expires_at)
                VALUES (?, ?, ?, 'in_progress', ?, ?, ?, ?)""", client, key, hash(FOLLOWUPS, body), UUID.randomUUID(),
                Timestamp.from(clock.instant().plusSeconds(60)), Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant().plus(Duration.ofHours(24))));

        ApiResponse busy = post(FOLLOWUPS, company, key, body);
        ApiResponse otherBody = post(FOLLOWUPS, company, key, body.replace("call", "sms"));
        jdbc.update("UPDATE idempotency_key SET locked_until = ? WHERE client_key = ? AND idempotency_key = ?",
                Timestamp.from(clock.instant().minusSeconds(1)), client, key);
        ApiResponse takenOver = post(FOLLOWUPS, company, key, body);
        ApiResponse replayed = post(FOLLOWUPS, company, key, body);

        assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(busy.json().get("message").asString()).isEqualTo("A request with this Idempotency-Key is in progress; retry shortly");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(takenOver.status()).isEqualTo(201);
        assertThat(takenOver.header("Idempotent-Replayed")).isNull();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(followupsOf(company)).isEqualTo(1);
    }

    @Test
    void racingRequestsWithOneKeyCreateOnce() throws Exception {
        String company = company();
        String body = followup(debt(company));
        String key = UUID.randomUUID().toString();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(FOLLOWUPS, company, key, body);
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get());
            }

            // The first may finish before the others start, which then replay it (201): 409 is possible, not certain.
            assertThat(responses).extracting(ApiResponse::status).isSubsetOf(201, 409);
            assertThat(responses).filteredOn(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).hasSize(1);
            assertThat(followupsOf(company)).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredKeyIsNewAgainAndCleanupDeletesIt() {
        String company = company();
        String body = followup(debt(company));
        String key = UUID.randomUUID().toString();
        String liveKey = UUID.randomUUID().toString();
        post(FOLLOWUPS, company, key, body);
        post(FOLLOWUPS, company, liveKey, body);
        expire(key);

        ApiResponse again = post(FOLLOWUPS, company, key, body);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(followupsOf(company)).isEqualTo(3);

        expire(key);
        cleanup.deleteExpired();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Integer.class, key)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Integer.class, liveKey)).isOne();
    }

    @Test
    void keysExpireAfter24HoursAndKeepOnlyAHashOfTheRequest() {
        String company = company();
        String key = UUID.randomUUID().toString();
        String body = followup(debt(company));
        post(FOLLOWUPS, company, key, body);

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT request_hash, status, EXTRACT(EPOCH FROM expires_at - created_at) AS ttl FROM idempotency_key WHERE idempotency_key = ?""", key);

        assertThat((byte[]) row.get("request_hash")).isEqualTo(hash(FOLLOWUPS, body));
        assertThat(row.get("status")).isEqualTo("completed");
        assertThat(((Number) row.get("ttl")).longValue()).isEqualTo(Duration.ofHours(24).toSeconds());
    }

    @Test
    void requestsWithoutAKeyLeaveNoTrace() {
        String company = company();
        String client = "%d:%s:test-client".formatted(company.length(), company);

        api.request("POST", FOLLOWUPS).token(tokens.external(company)).json(followup(debt(company))).send();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE client_key = ?", Integer.class, client)).isZero();
    }

    @Test
    void theOpenApiDocumentShowsTheHeaderAndItsAnswers() {
        ApiResponse docs = api.request("GET", "/v3/api-docs").send();

        for (String path : List.of(DEBTS, FOLLOWUPS)) {
            var post = docs.json().get("paths").get(path).get("post");
            assertThat(post.get("parameters").toString()).contains("Idempotency-Key");
            assertThat(post.get("responses").has("409")).isTrue();
            assertThat(post.get("responses").has("422")).isTrue();
            assertThat(post.get("responses").has("429")).isTrue();
        }
    }

    private void expire(String key) {
        jdbc.update("UPDATE idempotency_key SET expires_at = ? WHERE idempotency_key = ?",
                Timestamp.from(clock.instant().minusSeconds(1)), key);
    }

    private ApiResponse post(String path, String company, String key, String body) {
        return api.request("POST", path).token(tokens.external(company)).header("Idempotency-Key", key).json(body).send();
    }

    private String debt(String company) {
        ApiResponse response = api.request("POST", DEBTS).token(tokens.external(company))
                .json("{\"internal_id\": \"" + UUID.randomUUID() + "\", \"firstname\": \"Maria\", \"lastname\": \"Silva\", \"email\": \"maria@example.com\", \"amount\": 10.00, \"currency\": \"BRL\"}")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("data").get("id").asString();
    }

    private static String followup(String debtId) {
        return "{\"debt_id\": \"" + debtId + "\", \"type\": \"call\", \"summary\": \"Payment plan\"}";
    }

    private int followupsOf(String company) {
        return jdbc.queryForObject("SELECT count(*) FROM debt_followup WHERE company_id = ?", Integer.class, company);
    }

    private static byte[] hash(String path, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("POST " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body.getBytes(StandardCharsets.UTF_8));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String company() {
        return "idem-" + UUID.randomUUID();
    }
}
