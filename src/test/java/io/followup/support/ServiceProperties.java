package io.followup.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a service instance that a test starts by itself (in this JVM or as a process of its
 * own), on a database and a stub server of the test's choosing, with the engine tuned for fast tests.
 */
public final class ServiceProperties {

    private static final String ID_KEY = randomIdKey();

    private ServiceProperties() {
    }

    /** Every setting the service needs, pointed at {@code jdbcUrl} and a stub server on {@code stubPort}. */
    public static Map<String, String> of(String jdbcUrl, int stubPort) {
        TestDatabase.Connection server = TestDatabase.get();
        String stub = "http://localhost:" + stubPort;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.get().publicKeyLocation());
        properties.put("followup.ids.key", ID_KEY);
        properties.put("followup.oauth.issuer", OAuthServerKeys.ISSUER);
        properties.put("followup.oauth.signing-key-location", OAuthServerKeys.get().location());
        properties.put("followup.jobs.poll-interval", "100ms");
        properties.put("followup.jobs.lease-check-interval", "500ms");
        properties.put("followup.jobs.backoff-initial", "1s");
        properties.put("followup.jobs.backoff-jitter", "100ms");
        properties.put("followup.delivery.assistant.url", stub + "/followups/messages");
        properties.put("followup.delivery.assistant.secret", "test-secret");
        properties.put("followup.delivery.gupshup.base-url", stub + "/gupshup");
        properties.put("followup.delivery.gupshup.apps.gupshup_app_12345.api-key", "test-gupshup-key");
        properties.put("followup.delivery.gupshup.apps.gupshup_app_12345.source", "5511900000000");
        properties.put("followup.delivery.gupshup.apps.gupshup_app_12345.app-name", "DemoApp");
        properties.put("followup.api.rate-limit.reads", Long.toString(IntegrationTest.TEST_READS));
        properties.put("followup.api.rate-limit.writes", Long.toString(IntegrationTest.TEST_WRITES));
        properties.put("followup.webhooks.allow-private-networks", "true");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    private static String randomIdKey() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
