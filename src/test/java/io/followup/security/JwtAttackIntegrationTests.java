package io.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.security.JwtAttackCallers.Caller;
import io.followup.security.JwtAttackCallers.Surface;
import io.followup.security.JwtForgeries.Credentials;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.ClientCredentials;
import io.followup.support.IntegrationTest;
import io.followup.support.OAuthServerKeys;
import io.followup.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.followup.security.JwtForgeries.base64;
import static io.followup.security.JwtForgeries.byAttacker;
import static io.followup.security.JwtForgeries.ecSigner;
import static io.followup.security.JwtForgeries.embeddedJwk;
import static io.followup.security.JwtForgeries.mac;
import static io.followup.security.JwtForgeries.payloadOf;
import static io.followup.security.JwtForgeries.signatureOf;
import static io.followup.security.JwtForgeries.signed;
import static io.followup.security.JwtForgeries.unsigned;
import static io.followup.security.JwtForgeries.withKeyHints;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale, misplaced and under-privileged bearer tokens on a write endpoint of each surface:
 * 401 when the token is not a valid one of ours, 403 when it is valid but lacks a scope or a usable
 * tenant/company claim; never a 5xx, always in the surface's error format, and nothing written.
 * Before each attack the caller's real token is used once, so it sits in {@link CachingJwtDecoder}:
 * attacks built from it (same payload, other signature; same signature, other payload) must not
 * ride that cache, and each attack is sent twice, as a refused token must not be remembered either.
 * The external API takes tokens of two issuers (the outside one and the service's own authorization server,
 * io.followup.oauth), so its matrix runs twice, and a token naming one issuer must not pass with the other's key.
 */
class JwtAttackIntegrationTests extends IntegrationTest {

    @Autowired
    private ApiClients apiClients;

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
        boolean own = surface == Surface.EXTERNAL_OWN_ISSUER;
        // no valid signature of ours
        attacks.add(unauthorized("alg none, no signature", c -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", c.claims().build(), "")));
        attacks.add(unauthorized("alg none, the genuine token's signature kept",
                c -> unsigned("{\"alg\":\"none\"}", payloadOf(c.validToken()), signatureOf(c.validToken()))));
        attacks.add(unauthorized("alg \"None\", no signature", c -> unsigned("{\"alg\":\"None\"}", c.claims().build(), "")));
        attacks.add(unauthorized("alg NONE, no signature", c -> unsigned("{\"alg\":\"NONE\"}", c.claims().build(), "")));
        attacks.add(unauthorized("HS256 keyed with the RSA public key's PEM text",
                c -> signed(JWSAlgorithm.HS256, mac(JwtForgeries.pem(c.publicKey()).getBytes(StandardCharsets.US_ASCII)), c.claims().build())));
        attacks.add(unauthorized("HS256 keyed with the RSA public key's DER bytes",
                c -> signed(JWSAlgorithm.HS256, mac(c.publicKey().getEncoded()), c.claims().build())));
        attacks.add(unauthorized("HS512 keyed with the RSA public key's PEM text",
                c -> signed(JWSAlgorithm.HS512, mac(JwtForgeries.pem(c.publicKey()).getBytes(StandardCharsets.US_ASCII)), c.claims().build())));
        attacks.add(unauthorized("RS256 signed by another RSA key",
                c -> signed(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) JwtForgeries.ATTACKER.getPrivate()), c.claims().build())));
        attacks.add(unauthorized("ES256 signed by an EC key", c -> signed(JWSAlgorithm.ES256, ecSigner(), c.claims().build())));
        attacks.add(unauthorized("another RSA key, with its public key embedded as a jwk header", c -> embeddedJwk(c.claims().build())));
        attacks.add(unauthorized("another RSA key, with a kid and a jku pointing elsewhere", c -> withKeyHints(c.claims().build())));
        attacks.add(unauthorized("RS512 signed by the trusted key (only RS256 is configured)",
                c -> c.trusted(c.header(JWSAlgorithm.RS512).build(), c.claims())));
        attacks.add(unauthorized("unknown critical header signed by the trusted key",
                c -> c.trusted(c.header(JWSAlgorithm.RS256).criticalParams(Set.of("x-followup")).customParam("x-followup", true).build(),
                        c.claims())));
        attacks.add(unauthorized("the genuine token's payload with a different tenant/company, signature kept",
                c -> c.resigned(c.claims().claim(c.idClaim(), otherId(c)))));
        attacks.add(unauthorized("the genuine token without its signature",
                c -> Credentials.bearer(c.validToken().substring(0, c.validToken().lastIndexOf('.') + 1))));
        attacks.add(unauthorized("the genuine token with one signature character changed", c -> {
            String token = c.validToken();
            int at = token.length() - 10;
            return Credentials.bearer(token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1));
        }));
        // two issuers: the unverified iss only picks the keys, each issuer's tokens pass with its own key only
        attacks.add(unauthorized("the caller's claims signed with the other issuer's key",
                c -> Credentials.bearer(c.signWithOtherKey(c.header(JWSAlgorithm.RS256).build(), c.claims().build()))));
        attacks.add(unauthorized("the other issuer's claims signed with the caller's issuer's key",
                c -> Credentials.bearer(c.sign(c.otherIssuerHeader(), c.otherIssuerClaims().build()))));
        attacks.add(unauthorized("the genuine token's payload naming the other issuer, signature kept",
                c -> c.resigned(c.claims().issuer(c.otherIssuer()))));
        if (surface == Surface.BACKEND) {
            attacks.add(unauthorized("the own issuer's key and claims with the backend's scopes (never granted)",
                    c -> Credentials.bearer(OAuthServerKeys.get().sign(c.otherIssuerHeader(), c.otherIssuerClaims().build()))));
        }
        if (own) {
            attacks.add(unauthorized("own key, typ JWT (not an access token, RFC 9068)",
                    c -> c.trusted(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), c.claims())));
            attacks.add(unauthorized("own key, no typ", c -> c.trusted(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), c.claims())));
            attacks.add(unauthorized("own key, scope api-clients:admin", c -> c.trusted(c.claims().claim("scope", "api-clients:admin"))));
            attacks.add(unauthorized("own key, scope followup-configs:write",
                    c -> c.trusted(c.claims().claim("scope", "followup-configs:write"))));
            attacks.add(unauthorized("own key, the granted scopes and api-clients:admin",
                    c -> c.trusted(c.claims().claim("scope", JwtAttackCallers.OWN_SCOPES + " api-clients:admin"))));
            attacks.add(unauthorized("another RSA key with the own key's kid",
                    c -> byAttacker(c.header(JWSAlgorithm.RS256).keyID(c.kid()).build(), c.claims().build())));
            attacks.add(unauthorized("own key, iss with a trailing slash", c -> c.trusted(c.claims().issuer(OAuthServerKeys.ISSUER + "/"))));
            attacks.add(unauthorized("own key, iss in capitals", c -> c.trusted(c.claims().issuer(OAuthServerKeys.ISSUER.toUpperCase()))));
            attacks.add(unauthorized("own key, no iss", c -> c.trusted(c.claims().issuer(null))));
            attacks.add(unauthorized("own key, iss as an array", c -> c.trusted(c.claims().issuer(null)
                    .claim("iss", List.of(OAuthServerKeys.ISSUER)))));
        }
        // signed by us, but not valid now
        attacks.add(unauthorized("expired ten minutes ago", c -> c.trusted(c.claims()
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .notBeforeTime(null)
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))))));
        attacks.add(unauthorized("no expiry at all (it would be valid, and remembered, forever)",
                c -> c.trusted(c.claims().expirationTime(null))));
        attacks.add(unauthorized("not valid before ten minutes from now",
                c -> c.trusted(c.claims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))))));
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
        // valid tokens of ours that do not allow the call; the own issuer refuses outright (401) a scope it never grants
        attacks.add(forbidden("no scope claim", c -> c.trusted(c.claims().claim("scope", null))));
        attacks.add(forbidden("an empty scope", c -> c.trusted(c.claims().claim("scope", ""))));
        attacks.add(new Attack("the other surface's scopes", own ? 401 : 403, c -> c.trusted(c.claims()
                .claim("scope", surface == Surface.BACKEND ? TestTokens.EXTERNAL_SCOPES : TestTokens.BACKEND_SCOPES))));
        attacks.add(new Attack("scope claim as a number", own ? 401 : 403, c -> c.trusted(c.claims().claim("scope", 42))));
        attacks.add(forbidden("missing " + claimName(surface) + " claim", c -> c.trusted(c.claims().claim(c.idClaim(), null))));
        attacks.add(forbidden(claimName(surface) + " is an empty string", c -> c.trusted(c.claims().claim(c.idClaim(), ""))));
        attacks.add(forbidden(claimName(surface) + " is a number", c -> c.trusted(c.claims().claim(c.idClaim(), 12345))));
        attacks.add(forbidden(claimName(surface) + " is an array", c -> c.trusted(c.claims().claim(c.idClaim(), List.of(c.id())))));
        attacks.add(forbidden(claimName(surface) + " is an object", c -> c.trusted(c.claims().claim(c.idClaim(), Map.of("id", c.id())))));
        if (surface == Surface.BACKEND) {
            attacks.add(forbidden("tenant_id is not a UUID", c -> c.trusted(c.claims().claim("tenant_id", "tenant-" + c.id()))));
            attacks.add(forbidden("tenant_id is a UUID without dashes",
                    c -> c.trusted(c.claims().claim("tenant_id", c.id().replace("-", "")))));
            attacks.add(forbidden("only the other surface's company_id claim", c -> c.trusted(c.claims().claim("tenant_id", null)
                    .claim("company_id", c.id()))));
        }
        else {
            attacks.add(forbidden("company_id of 101 characters", c -> c.trusted(c.claims().claim("company_id", "c".repeat(101)))));
            attacks.add(forbidden("company_id of blanks", c -> c.trusted(c.claims().claim("company_id", "   "))));
            attacks.add(forbidden("only the other surface's tenant_id claim", c -> c.trusted(c.claims().claim("company_id", null)
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

    /**
     * A kid is only a hint among an issuer's keys: the own issuer has one key, and every token naming it is checked with
     * that key whatever its kid says (another key with the own kid is refused in the matrix). So a token the own key
     * really signed passes with another kid or none; nothing is looked up by the kid.
     */
    @Test
    void theOwnKeysSignaturePassesWhateverTheKidSays() {
        Caller caller = caller(Surface.EXTERNAL_OWN_ISSUER);
        for (String kid : java.util.Arrays.asList("another-key", "../../../../dev/null", null)) {
            String token = OAuthServerKeys.get().sign(caller.header(JWSAlgorithm.RS256).keyID(kid).build(), caller.claims().build());
            ApiResponse read = readRequest(caller, "").token(token).send();
            assertThat(read.status()).as("kid " + kid + ": " + read).isEqualTo(200);
        }
    }

    /** The own issuer's tokens are the external API's: never the admin API's (api-clients:admin) nor the backend's. */
    @Test
    void ownIssuerTokensOpenNeitherTheAdminApiNorTheBackend() {
        Caller caller = caller(Surface.EXTERNAL_OWN_ISSUER);
        String clients = "/admin/v1/api-clients";
        List<ApiClient.Request> requests = List.of(
                api.request("GET", clients),
                api.request("GET", clients + "?company_id=" + caller.id()),
                api.request("POST", clients).json("{\"name\": \"escalated\", \"scopes\": [\"debts:read\"]}"),
                api.request("GET", clients + "/" + caller.clientId()),
                api.request("POST", clients + "/" + caller.clientId() + "/secret").json("{\"grace_period\": \"PT0S\"}"),
                api.request("DELETE", clients + "/" + caller.clientId()),
                api.request("GET", "/backend/followup/configs/tenant/" + UUID.randomUUID()),
                writeRequest(new Caller(Surface.BACKEND, UUID.randomUUID().toString(), null, null), ""));
        for (ApiClient.Request request : requests) {
            ApiResponse response = request.token(caller.validToken()).send();
            String where = "own issuer's token answered " + response.status() + " [" + response.contentType() + "] " + response.body();
            assertThat(response.status()).as(where).isEqualTo(403);
            assertErrorFormat(Surface.BACKEND, where, response);
        }
        assertThat(jdbc.queryForObject("select count(*) from api_client where company_id = ? and revoked_at is null"
                + " and secret_rotated_at is null", Long.class, caller.id())).as("the company's one client, untouched").isEqualTo(1);
    }

    // ------------------------------------------------------------------ callers

    record Attack(String name, int status, Function<Caller, Credentials> credentials) {

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ requests

    private Caller caller(Surface surface) {
        if (surface == Surface.BACKEND) {
            UUID tenant = UUID.randomUUID();
            return new Caller(surface, tenant.toString(), tokens.backend(tenant), null);
        }
        String company = "jwt-" + UUID.randomUUID();
        if (surface == Surface.EXTERNAL) {
            return new Caller(surface, company, tokens.external(company), null);
        }
        IssuedClient client = apiClients.create(company, "JWT attacks", ApiClients.GRANTABLE_SCOPES);
        return new Caller(surface, company, ClientCredentials.accessToken(api, client.clientId(), client.clientSecret()), client.clientId());
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

    static void assertErrorFormat(Surface surface, String where, ApiResponse response) {
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
}
