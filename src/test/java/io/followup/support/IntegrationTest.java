package io.followup.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service over HTTP against real PostgreSQL. All of them share
 * one application context and one database; each test works in tenants of its own, so none cleans up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
public abstract class IntegrationTest {

    protected static final TestTokens tokens = TestTokens.get();

    /** The OAuth client with a small rate limit ({@value #LIMITED_CLIENT_REQUESTS} an hour); every other client has the default. */
    protected static final String LIMITED_CLIENT = "rate-limited-client";
    protected static final int LIMITED_CLIENT_REQUESTS = 3;
    /**
     * Every other client's budgets in tests: far above GetBill's 1,000 reads and 500 writes an hour, which the suite's
     * fuzz and matrix tests would spend in seconds. Tests of the limit itself use {@link #LIMITED_CLIENT} or their own.
     */
    public static final long TEST_READS = 1_000_000;
    public static final long TEST_WRITES = 500_000;

    /**
     * Set these (with a {@code @DynamicPropertySource} or {@code @TestPropertySource} of the test class) for token-request
     * budgets other than {@link #TEST_READS}, the shared context's, which never run out.
     */
    protected static final String TOKEN_REQUESTS_PER_CLIENT = "followup.test.token-requests.per-client";
    protected static final String TOKEN_REQUESTS_PER_ADDRESS = "followup.test.token-requests.per-address";

    /** Set this to false (as {@link #TOKEN_REQUESTS_PER_CLIENT}) for a context whose webhooks refuse private networks. */
    protected static final String WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "followup.test.webhooks.allow-private-networks";

    /** A fixed test key for public IDs (base64 of 64 bytes); not used anywhere else. */
    protected static final String ID_KEY =
            "dGVzdC1vbmx5LWtleS1mb3ItZm9sbG93dXAtc2VydmljZS1pbnRlZ3JhdGlvbi10ZXN0cy0wMTIzNDU2Nzg5YQ==";

    /** The one browser origin the shared test context allows (CORS is off unless origins are listed). */
    protected static final String ALLOWED_ORIGIN = "https://app.example.test";

    /** The one official channel the shared test context sends through Meta Cloud API (phone number ID 1065). */
    protected static final String META_CHANNEL = "9e8d7c6b-5a49-4382-9170-6a5b4c3d2e1f";

    /** The provider webhooks' secrets in the shared test context (io.followup.callbacks). */
    protected static final String META_APP_SECRET = "test-meta-app-secret-0123456789";
    protected static final String META_VERIFY_TOKEN = "test-meta-verify-token-0123";
    protected static final String GUPSHUP_CALLBACK_TOKEN = "test-gupshup-callback-token-01";

    /**
     * An official channel sent through Meta from phone number ID {@value #RATE_LIMITED_NUMBER}, whose send rate is
     * one a second (followup.delivery.send-rate.numbers), so a test can spend its budget with two sends.
     */
    protected static final String RATE_LIMITED_CHANNEL = "5f4e3d2c-1b0a-4987-8654-3210fedcba98";
    protected static final String RATE_LIMITED_NUMBER = "2077";

    /** A Gupshup app of its own (own API key and template list), for tests whose stubs must not answer other tests' sends. */
    protected static final String THROTTLED_GUPSHUP_APP = "gupshup_throttled_app";
    protected static final String THROTTLED_GUPSHUP_KEY = "throttled-gupshup-key";

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The service's clock; move it forward to make scheduled work due. */
    @Autowired
    protected TestClock clock;

    protected ApiClient api;

    @DynamicPropertySource
    static void testInfrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", tokens::publicKeyLocation);
        registry.add("followup.ids.key", () -> ID_KEY);
        registry.add("followup.oauth.issuer", () -> OAuthServerKeys.ISSUER);
        registry.add("followup.oauth.signing-key-location", OAuthServerKeys.get()::location);
        // Placeholders, so a context of its own can set small budgets: a subclass's @DynamicPropertySource naming
        // these properties themselves would lose to this one, which Spring registers after it.
        registry.add("followup.oauth.token-requests.per-client", () -> "${" + TOKEN_REQUESTS_PER_CLIENT + ":" + TEST_READS + "}");
        registry.add("followup.oauth.token-requests.per-address", () -> "${" + TOKEN_REQUESTS_PER_ADDRESS + ":" + TEST_READS + "}");
        registry.add("followup.api.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        registry.add("followup.api.rate-limit.reads", () -> TEST_READS);
        registry.add("followup.api.rate-limit.writes", () -> TEST_WRITES);
        registry.add("followup.api.rate-limit.clients." + LIMITED_CLIENT + ".reads", () -> LIMITED_CLIENT_REQUESTS);
        registry.add("followup.api.rate-limit.clients." + LIMITED_CLIENT + ".writes", () -> LIMITED_CLIENT_REQUESTS);
        registry.add("followup.api.rate-limit.clients." + LIMITED_CLIENT + ".period", () -> "1h");
        registry.add("followup.jobs.poll-interval", () -> "100ms");
        registry.add("followup.jobs.backoff-initial", () -> "1s");
        registry.add("followup.jobs.backoff-jitter", () -> "100ms");
        registry.add("followup.delivery.assistant.url", () -> "http://localhost:" + StubServers.assistant().port() + "/followups/messages");
        registry.add("followup.delivery.assistant.secret", () -> "test-secret");
        registry.add("followup.delivery.meta.base-url", () -> "http://localhost:" + StubServers.assistant().port() + "/meta");
        registry.add("followup.delivery.meta.access-token", () -> "test-meta-token");
        registry.add("followup.delivery.meta.channels." + META_CHANNEL + ".phone-number-id", () -> "1065");
        registry.add("followup.delivery.meta.channels." + RATE_LIMITED_CHANNEL + ".phone-number-id", () -> RATE_LIMITED_NUMBER);
        registry.add("followup.delivery.send-rate.numbers." + RATE_LIMITED_NUMBER, () -> "1");
        registry.add("followup.delivery.gupshup.base-url", () -> "http://localhost:" + StubServers.assistant().port() + "/gupshup");
        registry.add("followup.delivery.gupshup.apps." + THROTTLED_GUPSHUP_APP + ".api-key", () -> THROTTLED_GUPSHUP_KEY);
        registry.add("followup.delivery.gupshup.apps." + THROTTLED_GUPSHUP_APP + ".source", () -> "5511900000099");
        registry.add("followup.delivery.gupshup.apps." + THROTTLED_GUPSHUP_APP + ".app-name", () -> "ThrottledApp");
        registry.add("followup.delivery.gupshup.apps.gupshup_app_12345.api-key", () -> "test-gupshup-key");
        registry.add("followup.delivery.gupshup.apps.gupshup_app_12345.source", () -> "5511900000000");
        registry.add("followup.delivery.gupshup.apps.gupshup_app_12345.app-name", () -> "DemoApp");
        registry.add("followup.callbacks.meta.app-secret", () -> META_APP_SECRET);
        registry.add("followup.callbacks.meta.verify-token", () -> META_VERIFY_TOKEN);
        registry.add("followup.callbacks.gupshup.apps.gupshup_app_12345.token", () -> GUPSHUP_CALLBACK_TOKEN);
        // The webhook receivers of the tests listen on localhost; a placeholder, so a context of its own can refuse them.
        registry.add("followup.webhooks.allow-private-networks", () -> "${" + WEBHOOKS_ALLOW_PRIVATE_NETWORKS + ":true}");
    }

    /** Jupiter calls it before each test; tests run by another engine (jqwik) call it themselves. */
    @BeforeEach
    protected void connectClient() {
        api = new ApiClient(port);
    }
}
