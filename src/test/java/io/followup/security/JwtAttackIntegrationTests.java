package io.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale, misplaced and under-privileged bearer tokens on a write endpoint of each surface:
 * 401 when the token is not a valid one of ours, 403 when it is valid but lacks a scope or a usable
 * tenant/company claim; never a 5xx, always in the surface's error format, and nothing written.
 * Before each attack the caller's real token is used once, so it sits in {@link CachingJwtDecoder}:
 * attacks built from it (same payload, other signature; same signature, other payload) must not
 * ride that cache, and each attack is sent twice, as a refused token must not be remembered either.
 */
class JwtAttackIntegrationTests extends IntegrationTest {

    /** The attacker's own RSA key pair. */
    private static final KeyPair ATTACKER = TestTokens.generate();

    enum Surface { BACKEND, EXTERNAL }

    /** Who is calling: the surface, the tenant (backend) or company (external), and its genuine token. */
    record Caller(Surface surface, String id, String validToken) {

        String idClaim() {
            return surface == Surface.BACKEND ? CallerArgumentResolver.TENANT_CLAIM : CallerArgumentResolver.COMPANY_CLAIM;
        }

        String scopes() {
            return surface == Surface.BACKEND ? TestTokens.BACKEND_SCOPES : TestTokens.EXTERNAL_SCOPES;
        }

        /** The claims of a genuine token: subject, issuer, times, the caller's claim and scopes. */
        JWTClaimsSet.Builder claims() {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().subject("test-client").issuer("followup-local").jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                    .claim(idClaim(), id).claim("scope", scopes());
        }
    }

    /** How the request is authenticated: the Authorization header (null: none) and a query string (may be empty). */
    record Credentials(String authorization, String query) {

        static Credentials bearer(String token) {
            return new Credentials("Bearer " + token, "");
        }
    }

    record Attack(String name, int status, Function<Caller, Credentials> credentials) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> attacks() {
        List<Arguments> all = new ArrayList<>();
        for (Surface surface : Surface.values()) {
            for (Attack attack : attacksOn(surface)) {
                all.add(Arguments.of(surface, attack));
            }
        }
        return all.stream();
    }

    private static List<Attack> attacksOn(Surface surface) {
        List<Attack> attacks = new ArrayList<>();
        // no valid signature of ours
        attacks.add(unauthorized("alg none, no signature", c -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", c.claims().build(), "")));
        attacks.add(unauthorized("alg none, the genuine token's signature kept",
                c -> unsigned("{\"alg\":\"none\"}", payloadOf(c.validToken()), signatureOf(c.validToken()))));
        attacks.add(unauthorized("alg \"None\", no signature", c -> unsigned("{\"alg\":\"None\"}", c.claims().build(), "")));
        attacks.add(unauthorized("alg NONE, no signature", c -> unsigned("{\"alg\":\"NONE\"}", c.claims().build(), "")));
        attacks.add(unauthorized("HS256 keyed with the RSA public key's PEM text",
                c -> signed(JWSAlgorithm.HS256, mac(tokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII)), c.claims().build())));
        attacks.add(unauthorized("HS256 keyed with the RSA public key's DER bytes",
                c -> signed(JWSAlgorithm.HS256, mac(tokens.publicKey().getEncoded()), c.claims().build())));
        attacks.add(unauthorized("HS512 keyed with the RSA public key's PEM text",
                c -> signed(JWSAlgorithm.HS512, mac(tokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII)), c.claims().build())));
        attacks.add(unauthorized("RS256 signed by another RSA key",
                c -> signed(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) ATTACKER.getPrivate()), c.claims().build())));
        attacks.add(unauthorized("ES256 signed by an EC key", c -> signed(JWSAlgorithm.ES256, ecSigner(), c.claims().build())));
        attacks.add(unauthorized("another RSA key, with its public key embedded as a jwk header", c -> embeddedJwk(c.claims().build())));
        attacks.add(unauthorized("another RSA key, with a kid and a jku pointing elsewhere", c -> withKeyHints(c.claims().build())));
        attacks.add(unauthorized("RS512 signed by the trusted key (only RS256 is configured)",
                c -> Credentials.bearer(tokens.sign(new JWSHeader(JWSAlgorithm.RS512), c.claims().build()))));
        attacks.add(unauthorized("unknown critical header signed by the trusted key",
                c -> Credentials.bearer(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).criticalParams(Set.of("x-followup"))
                        .customParam("x-followup", true).build(), c.claims().build()))));
        attacks.add(unauthorized("the genuine token's payload with a different tenant/company, signature kept", c -> {
            String[] parts = c.validToken().split("\\.");
            JWTClaimsSet other = c.claims().claim(c.idClaim(), otherId(c)).build();
            return Credentials.bearer(parts[0] + "." + base64(other.toString()) + "." + parts[2]);
        }));
        attacks.add(unauthorized("the genuine token without its signature",
                c -> Credentials.bearer(c.validToken().substring(0, c.validToken().lastIndexOf('.') + 1))));
        attacks.add(unauthorized("the genuine token with one signature character changed", c -> {
            String token = c.validToken();
            int at = token.length() - 10;
            return Credentials.bearer(token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1));
        }));
        // signed by us, but not valid now
        attacks.add(unauthorized("expired ten minutes ago", c -> trusted(c.claims()
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))))));
        attacks.add(unauthorized("no expiry at all (it would be valid, and remembered, forever)",
                c -> trusted(c.claims().expirationTime(null))));
        attacks.add(unauthorized("not valid before ten minutes from now",
                c -> trusted(c.claims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))))));
        // not a JWT, or not where a bearer token goes
        attacks.add(unauthorized("garbage token", c -> Credentials.bearer("abc")));
        attacks.add(unauthorized("three dots of nothing", c -> Credentials.bearer("a.b.c")));
        attacks.add(unauthorized("five parts, like an encrypted JWT", c -> Credentials.bearer("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d")));
        attacks.add(unauthorized("header that is not JSON", c -> Credentials.bearer(base64("not json") + "." + base64("{}") + ".sig")));
        attacks.add(unauthorized("4 KB of base64url", c -> Credentials.bearer("A".repeat(4096))));
        attacks.add(unauthorized("no Authorization header", c -> new Credentials(null, "")));
        attacks.add(unauthorized("the token without the Bearer scheme", c -> new Credentials(c.validToken(), "")));
        attacks.add(unauthorized("\"Token\" scheme", c -> new Credentials("Token " + c.validToken(), "")));
        attacks.add(unauthorized("Basic credentials", c -> new Credentials("Basic dXNlcjpwYXNzd29yZA==", "")));
        attacks.add(unauthorized("\"Bearer\" and nothing else", c -> new Credentials("Bearer", "")));
        attacks.add(unauthorized("\"Bearer \" and nothing else", c -> new Credentials("Bearer ", "")));
        attacks.add(unauthorized("two spaces after Bearer", c -> new Credentials("Bearer  " + c.validToken(), "")));
        attacks.add(unauthorized("the token followed by another word", c -> new Credentials("Bearer " + c.validToken() + " extra", "")));
        attacks.add(unauthorized("the token in an access_token query parameter", c -> new Credentials(null, "?access_token=" + c.validToken())));
        // valid tokens of ours that do not allow the call
        attacks.add(forbidden("no scope claim", c -> trusted(c.claims().claim("scope", null))));
        attacks.add(forbidden("the other surface's scopes", c -> trusted(c.claims()
                .claim("scope", surface == Surface.BACKEND ? TestTokens.EXTERNAL_SCOPES : TestTokens.BACKEND_SCOPES))));
        attacks.add(forbidden("scope claim as a number", c -> trusted(c.claims().claim("scope", 42))));
        attacks.add(forbidden("missing " + claimName(surface) + " claim", c -> trusted(c.claims().claim(c.idClaim(), null))));
        attacks.add(forbidden(claimName(surface) + " is an empty string", c -> trusted(c.claims().claim(c.idClaim(), ""))));
        attacks.add(forbidden(claimName(surface) + " is a number", c -> trusted(c.claims().claim(c.idClaim(), 12345))));
        attacks.add(forbidden(claimName(surface) + " is an array", c -> trusted(c.claims().claim(c.idClaim(), List.of(c.id())))));
        attacks.add(forbidden(claimName(surface) + " is an object", c -> trusted(c.claims().claim(c.idClaim(), Map.of("id", c.id())))));
        if (surface == Surface.BACKEND) {
            attacks.add(forbidden("tenant_id is not a UUID", c -> trusted(c.claims().claim("tenant_id", "tenant-" + c.id()))));
            attacks.add(forbidden("tenant_id is a UUID without dashes",
                    c -> trusted(c.claims().claim("tenant_id", c.id().replace("-", "")))));
            attacks.add(forbidden("only the other surface's company_id claim", c -> trusted(c.claims().claim("tenant_id", null)
                    .claim("company_id", c.id()))));
        }
        else {
            attacks.add(forbidden("company_id of 101 characters", c -> trusted(c.claims().claim("company_id", "c".repeat(101)))));
            attacks.add(forbidden("company_id of blanks", c -> trusted(c.claims().claim("company_id", "   "))));
            attacks.add(forbidden("only the other surface's tenant_id claim", c -> trusted(c.claims().claim("company_id", null)
                    .claim("tenant_id", UUID.randomUUID().toString()))));
        }
        return attacks;
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("attacks")
    void attackIsRefusedAndWritesNothing(Surface surface, Attack attack) {
        Caller caller = caller(surface);
        ApiResponse genuine = withCredentials(readRequest(caller, ""), Credentials.bearer(caller.validToken())).send();
        assertThat(genuine.status()).as("the genuine token is accepted (and now cached): " + genuine).isEqualTo(200);
        Credentials credentials = attack.credentials().apply(caller);

        for (int attempt = 1; attempt <= 2; attempt++) {
            ApiResponse response = withCredentials(writeRequest(caller, credentials.query()), credentials).send();

            String where = surface + " " + attack.name() + " (attempt " + attempt + ") answered " + response.status() + " ["
                    + response.contentType() + "] " + response.body();
            assertThat(response.status()).as(where).isEqualTo(attack.status());
            assertErrorFormat(surface, where, response);
            if (attack.status() == 401) {
                assertThat(response.header("WWW-Authenticate")).as(where + " / WWW-Authenticate").startsWith("Bearer");
            }
        }
        assertThat(writes(caller)).as(surface + " " + attack.name() + ": rows written for the caller").isZero();
        ApiResponse stillGenuine = withCredentials(readRequest(caller, ""), Credentials.bearer(caller.validToken())).send();
        assertThat(stillGenuine.status()).as("the genuine token still works after the attack: " + stillGenuine).isEqualTo(200);
    }

    // ------------------------------------------------------------------ requests

    private Caller caller(Surface surface) {
        if (surface == Surface.BACKEND) {
            UUID tenant = UUID.randomUUID();
            return new Caller(surface, tenant.toString(), tokens.backend(tenant));
        }
        String company = "jwt-" + UUID.randomUUID();
        return new Caller(surface, company, tokens.external(company));
    }

    private ApiClient.Request readRequest(Caller caller, String query) {
        return caller.surface() == Surface.BACKEND
                ? api.request("GET", "/backend/followup/configs/tenant/" + caller.id() + query)
                : api.request("GET", "/external-api/v1/debts" + query);
    }

    private ApiClient.Request writeRequest(Caller caller, String query) {
        if (caller.surface() == Surface.BACKEND) {
            return api.request("POST", "/backend/followup/configs" + query).json("""
                    {"assistant_id": "%s", "trigger_status_ids": ["%s"], "steps": [{"interval": "PT30M", "prompt": "Hi"}]}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID()));
        }
        return api.request("POST", "/external-api/v1/debts" + query).json("""
                {"internal_id": "INV-%s", "firstname": "Maria", "lastname": "Silva", "email": "maria@example.com", "amount": 10.00, "currency": "BRL"}
                """.formatted(UUID.randomUUID()));
    }

    private static ApiClient.Request withCredentials(ApiClient.Request request, Credentials credentials) {
        return credentials.authorization() == null ? request : request.header("Authorization", credentials.authorization());
    }

    private long writes(Caller caller) {
        return caller.surface() == Surface.BACKEND
                ? jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?::uuid", Long.class, caller.id())
                : jdbc.queryForObject("select count(*) from debt where company_id = ?", Long.class, caller.id());
    }

    private static void assertErrorFormat(Surface surface, String where, ApiResponse response) {
        assertThat(response.contentType()).as(where + " / Content-Type").isNotNull();
        JsonNode body = response.json();
        assertThat(body).as(where + " / JSON body").isNotNull();
        if (surface == Surface.BACKEND) {
            assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(where + " / application/problem+json").isTrue();
            assertThat(body.path("status").asInt()).as(where + " / status member").isEqualTo(response.status());
            assertThat(body.path("detail").asString()).as(where + " / detail member").isNotBlank();
        }
        else {
            assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                    .as(where + " / application/json").isTrue();
            assertThat(body.path("error").asBoolean()).as(where + " / error").isTrue();
            assertThat(body.path("code").asInt()).as(where + " / code").isEqualTo(response.status());
            assertThat(body.path("message").asString()).as(where + " / message").isNotBlank();
            if (response.status() == 401) {
                // GetBill's one 401 body, whatever the forgery (https://docs.getbill.io/errors); the reason is in WWW-Authenticate.
                assertThat(response.body()).as(where + " / GetBill's 401")
                        .isEqualTo("{\"error\":true,\"message\":\"Authentication credentials are missing or invalid\",\"code\":401}");
            }
            else if (response.status() == 403) {
                assertThat(body.has("details")).as(where + " / a 403 has no details, as GetBill's").isFalse();
            }
            else {
                assertThat(body.path("details").isObject()).as(where + " / details").isTrue();
            }
        }
    }

    // ------------------------------------------------------------------ token forgery

    private static Attack unauthorized(String name, Function<Caller, Credentials> credentials) {
        return new Attack(name, 401, credentials);
    }

    private static Attack forbidden(String name, Function<Caller, Credentials> credentials) {
        return new Attack(name, 403, credentials);
    }

    private static String claimName(Surface surface) {
        return surface == Surface.BACKEND ? "tenant_id" : "company_id";
    }

    private static String otherId(Caller caller) {
        return caller.surface() == Surface.BACKEND ? UUID.randomUUID().toString() : "jwt-" + UUID.randomUUID();
    }

    private static Credentials trusted(JWTClaimsSet.Builder claims) {
        return Credentials.bearer(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims.build()));
    }

    private static Credentials unsigned(String header, JWTClaimsSet claims, String signature) {
        return unsigned(header, base64(claims.toString()), signature);
    }

    private static Credentials unsigned(String header, String payload, String signature) {
        return Credentials.bearer(base64(header) + "." + payload + "." + signature);
    }

    private static Credentials signed(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
        return Credentials.bearer(sign(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), signer, claims));
    }

    private static Credentials embeddedJwk(JWTClaimsSet claims) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) ATTACKER.getPublic()).build();
        return Credentials.bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(jwk).build(),
                new RSASSASigner((RSAPrivateKey) ATTACKER.getPrivate()), claims));
    }

    private static Credentials withKeyHints(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../../dev/null")
                .jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json")).build();
        return Credentials.bearer(sign(header, new RSASSASigner((RSAPrivateKey) ATTACKER.getPrivate()), claims));
    }

    private static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static JWSSigner mac(byte[] secret) {
        try {
            return new MACSigner(secret);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JWSSigner ecSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return new ECDSASigner((ECPrivateKey) generator.generateKeyPair().getPrivate());
        }
        catch (java.security.GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static String signatureOf(String token) {
        return token.split("\\.")[2];
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
