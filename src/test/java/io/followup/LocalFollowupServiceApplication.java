package io.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.support.OAuthServerKeys;
import io.followup.support.TestDatabase;
import io.followup.support.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mvnw spring-boot:test-run}: the service with zero set-up. An embedded PostgreSQL keeps
 * its data under {@code target/local} (or {@code $FOLLOWUP_LOCAL_DIR}), a signing key is made on
 * first start and kept there, and ready-to-use bearer tokens are printed and written to
 * {@code tokens.env} in that folder.
 */
public final class LocalFollowupServiceApplication {

    static final UUID DEMO_TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final String DEMO_COMPANY = "demo-company";
    /** The demo company's API client, for the token endpoint (its secret is new at every start). */
    static final String DEMO_CLIENT = "demo-client";
    static final String ADMIN_SCOPE = "api-clients:admin";
    /** The local run's Meta channel, so that Meta webhook examples name a channel (it sends nothing: no access token). */
    static final String DEMO_META_CHANNEL = "33333333-3333-4333-8333-333333333333";
    static final String DEMO_META_PHONE_NUMBER_ID = "100000000000001";
    /** The Gupshup app the README's examples use (the seed's app_id). */
    static final String DEMO_GUPSHUP_APP = "gupshup_app_12345";

    private LocalFollowupServiceApplication() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("FOLLOWUP_LOCAL_DIR", "target/local")).toAbsolutePath();
        Files.createDirectories(dir);
        TestDatabase.Connection db = TestDatabase.embedded(dir.resolve("postgres"));
        TestTokens tokens = TestTokens.create(signingKey(dir.resolve("jwt-signing-key.p8")), dir.resolve("jwt-public-key.pem"));

        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--followup.ids.key=" + idKey(dir.resolve("public-id-key.b64")));
        // The local run's webhook signing key, written to tokens.env for a local assistant stub.
        String assistantSecret = secret(dir.resolve("assistant-secret.txt"));
        arguments.add("--followup.delivery.assistant.secret=" + assistantSecret);
        if (System.getenv("FOLLOWUP_DELIVERY_ASSISTANT_URL") == null) {
            arguments.add("--followup.delivery.assistant.url=" + localAssistantUrl());
        }
        String metaAppSecret = secret(dir.resolve("meta-app-secret.txt"));
        String metaVerifyToken = secret(dir.resolve("meta-verify-token.txt"));
        String gupshupToken = secret(dir.resolve("gupshup-callback-token.txt"));
        arguments.add("--followup.callbacks.meta.app-secret=" + metaAppSecret);
        arguments.add("--followup.callbacks.meta.verify-token=" + metaVerifyToken);
        arguments.add("--followup.callbacks.gupshup.apps." + DEMO_GUPSHUP_APP + ".token=" + gupshupToken);
        arguments.add("--followup.delivery.meta.channels." + DEMO_META_CHANNEL + ".phone-number-id=" + DEMO_META_PHONE_NUMBER_ID);
        arguments.add("--spring.datasource.url=" + db.url());
        arguments.add("--spring.datasource.username=" + db.username());
        arguments.add("--spring.datasource.password=" + db.password());
        arguments.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation());
        // The external API's own authorization server: its key made once and kept, its issuer this run's address.
        Path oauthKey = dir.resolve("oauth-signing-key.pem");
        if (!Files.exists(oauthKey)) {
            OAuthServerKeys.write(TestTokens.generate(), oauthKey);
        }
        arguments.add("--followup.oauth.signing-key-location=" + oauthKey.toUri());
        // Webhooks to a receiver on this machine (http://localhost:...), which production refuses.
        if (System.getenv("FOLLOWUP_WEBHOOKS_ALLOW_PRIVATE_NETWORKS") == null) {
            arguments.add("--followup.webhooks.allow-private-networks=true");
        }
        if (System.getenv("FOLLOWUP_OAUTH_ISSUER") == null) {
            arguments.add("--followup.oauth.issuer=http://localhost:" + System.getenv().getOrDefault("PORT", "8080"));
        }
        ConfigurableApplicationContext context = SpringApplication.from(FollowupServiceApplication::main)
                .run(arguments.toArray(String[]::new))
                .getApplicationContext();

        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "8080");
        java.time.Duration day = java.time.Duration.ofHours(24);
        String backend = tokens.sign(Map.of("tenant_id", DEMO_TENANT.toString(), "scope", TestTokens.BACKEND_SCOPES), day);
        String external = tokens.sign(Map.of("company_id", DEMO_COMPANY, "scope", TestTokens.EXTERNAL_SCOPES), day);
        String metrics = tokens.sign(Map.of("scope", TestTokens.METRICS_SCOPE), day);
        String admin = tokens.sign(Map.of("company_id", DEMO_COMPANY, "scope", ADMIN_SCOPE), day);
        // A new secret at every start: the old one is only a hash in the database, so it could not be printed again.
        IssuedClient demoClient = context.getBean(ApiClients.class)
                .resetSecret(DEMO_COMPANY, DEMO_CLIENT, "Demo integrator", ApiClients.GRANTABLE_SCOPES);
        Path env = dir.resolve("tokens.env");
        Files.writeString(env, "export BASE_URL=" + base + "\nexport TENANT_ID=" + DEMO_TENANT
                + "\nexport BACKEND_TOKEN=" + backend + "\nexport EXTERNAL_TOKEN=" + external
                + "\nexport METRICS_TOKEN=" + metrics + "\nexport ADMIN_TOKEN=" + admin
                + "\nexport CLIENT_ID=" + demoClient.clientId() + "\nexport CLIENT_SECRET=" + demoClient.clientSecret()
                + "\nexport ASSISTANT_SECRET=" + assistantSecret
                + "\nexport META_APP_SECRET=" + metaAppSecret + "\nexport META_VERIFY_TOKEN=" + metaVerifyToken
                + "\nexport META_PHONE_NUMBER_ID=" + DEMO_META_PHONE_NUMBER_ID + "\nexport META_CHANNEL_ID=" + DEMO_META_CHANNEL
                + "\nexport GUPSHUP_CALLBACK_TOKEN=" + gupshupToken
                + "\nexport GUPSHUP_CALLBACK_URL=" + base + "/webhooks/gupshup/" + DEMO_GUPSHUP_APP + "\n");
        System.out.println("""

                ==================================================================================
                 followup-service is up at %s   (local data: %s)
                 Swagger UI:  %s/swagger-ui.html     OpenAPI: %s/v3/api-docs
                 Tokens (valid 24 h) are also in %s:  source %s
                 Demo tenant %s, scopes: %s
                 BACKEND_TOKEN=%s
                 Demo company %s, scopes: %s
                 EXTERNAL_TOKEN=%s
                 Ops, scope %s (GET /actuator/prometheus): METRICS_TOKEN in tokens.env
                 Company admin of %s, scope %s (/admin/v1/api-clients): ADMIN_TOKEN in tokens.env
                 Demo API client of %s (a new secret at every start), for POST /token:
                 CLIENT_ID=%s
                 CLIENT_SECRET=%s
                 curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials %s/token
                 AI steps are posted to %s
                ==================================================================================
                """.formatted(base, dir, base, base, env, env, DEMO_TENANT, TestTokens.BACKEND_SCOPES, backend,
                DEMO_COMPANY, TestTokens.EXTERNAL_SCOPES, external, TestTokens.METRICS_SCOPE, DEMO_COMPANY, ADMIN_SCOPE,
                DEMO_COMPANY, demoClient.clientId(), demoClient.clientSecret(), base,
                context.getEnvironment().getProperty("followup.delivery.assistant.url")));
    }

    /**
     * Where the local run posts AI steps unless FOLLOWUP_DELIVERY_ASSISTANT_URL says otherwise: the port
     * after the service's own, so that a service moved to 8081 does not post its AI steps to itself.
     */
    private static String localAssistantUrl() {
        String port = System.getenv().getOrDefault("PORT", "8080");
        int assistantPort = port.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(port) + 1 : 8081;
        return "http://localhost:" + assistantPort + "/followups/messages";
    }

    /** A random secret, made once and kept, so that tokens.env stays right across restarts. */
    private static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String secret = java.util.HexFormat.of().formatHex(key);
        Files.writeString(file, secret);
        return secret;
    }

    /** The local public-ID key, made once and kept so that IDs stay the same across restarts. */
    private static String idKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] key = new byte[64];
        new java.security.SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.writeString(file, encoded);
        return encoded;
    }

    /** The local signing key, made once and kept so that tokens survive a restart. */
    private static KeyPair signingKey(Path file) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(file)) {
                byte[] der = Base64.getDecoder().decode(Files.readString(file).strip());
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                        privateKey);
            }
            KeyPair keys = TestTokens.generate();
            Files.writeString(file, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            return keys;
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IOException("Unreadable signing key " + file + "; delete it to make a new one", ex);
        }
    }
}
