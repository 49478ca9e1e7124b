package io.followup.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.support.ClientCredentials;
import io.followup.support.ApiClient;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static io.followup.support.ClientCredentials.FORM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad token requests: each is refused with RFC 6749's status and error code (section 5.2), as JSON without a token or
 * a stack trace, and changes nothing: the client's {@code last_used_at} stays empty and its right secret still works.
 */
class TokenRequestBadInputIntegrationTests extends IntegrationTest {

    private static final String GRANT = "grant_type=client_credentials";
    private static final String TEN_KB = "x".repeat(10 * 1024);

    @Autowired
    private ApiClients clients;

    /** A bad request for one fresh client (debts:read only): what it sends, and the status and error it must get. */
    record Case(String name, int status, String error, BiFunction<TokenRequestBadInputIntegrationTests, IssuedClient, ApiResponse> send) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badRequests() {
        List<Case> cases = new ArrayList<>();
        // who is asking: every failed client authentication is the same invalid_client
        cases.add(invalidClient("wrong secret (HTTP Basic)", (t, c) -> t.basicForm(c.clientId(), c.clientSecret() + "x", GRANT)));
        cases.add(invalidClient("wrong secret (form)", (t, c) -> t.form(GRANT + "&client_id=" + c.clientId() + "&client_secret=wrong")));
        cases.add(invalidClient("unknown client", (t, c) -> t.basicForm("0123456789abcdef01234567", c.clientSecret(), GRANT)));
        cases.add(invalidClient("client ID in other case", (t, c) -> t.basicForm(c.clientId().toUpperCase(), c.clientSecret(), GRANT)));
        // Spring Authorization Server reads HTTP Basic "id:" as malformed credentials rather than a wrong secret
        cases.add(badRequest("empty secret (HTTP Basic)", "invalid_request", (t, c) -> t.basicForm(c.clientId(), "", GRANT)));
        cases.add(invalidClient("empty secret (form)", (t, c) -> t.form(GRANT + "&client_id=" + c.clientId() + "&client_secret=")));
        cases.add(invalidClient("no secret at all (form)", (t, c) -> t.form(GRANT + "&client_id=" + c.clientId())));
        cases.add(invalidClient("no credentials at all", (t, c) -> t.form(GRANT)));
        cases.add(invalidClient("the right secret and 10 kB more (form)",
                (t, c) -> t.form(GRANT + "&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret() + TEN_KB)));
        cases.add(invalidClient("4 kB secret (HTTP Basic, under Tomcat's 8 kB header limit)",
                (t, c) -> t.basicForm(c.clientId(), TEN_KB.substring(0, 4096), GRANT)));
        cases.add(invalidClient("10 kB client_id (form)", (t, c) -> t.form(GRANT + "&client_id=" + TEN_KB + "&client_secret=" + c.clientSecret())));
        // a client_id is printable ASCII (OAuth 2.1 appendix A.1, VSCHAR); Spring Authorization Server refuses others as malformed
        cases.add(badRequest("client_id with control characters (form)", "invalid_request",
                (t, c) -> t.form(GRANT + "&client_id=" + enc(c.clientId() + "\u0001\u001b[2J\r\n") + "&client_secret=" + c.clientSecret())));
        cases.add(badRequest("client_id with a NUL (form)", "invalid_request",
                (t, c) -> t.form(GRANT + "&client_id=" + enc(c.clientId() + "\u0000") + "&client_secret=" + c.clientSecret())));
        cases.add(badRequest("client_id with a NUL (HTTP Basic)", "invalid_request",
                (t, c) -> t.basicForm(c.clientId() + "\u0000", c.clientSecret(), GRANT)));
        cases.add(badRequest("long client_id with a NUL (form)", "invalid_request",
                (t, c) -> t.form(GRANT + "&client_id=" + enc("\u0000" + TEN_KB) + "&client_secret=" + c.clientSecret())));
        cases.add(badRequest("non-ASCII client_id (form)", "invalid_request",
                (t, c) -> t.form(GRANT + "&client_id=" + enc("clïent-ñ-日本-\uD83D\uDE00") + "&client_secret=" + c.clientSecret())));
        cases.add(badRequest("non-ASCII client_id (HTTP Basic)", "invalid_request", (t, c) -> t.basicForm("clïent-ñ-日本", c.clientSecret(), GRANT)));
        cases.add(badRequest("client_id twice (form)", "invalid_request", (t, c) -> t.form(GRANT + "&client_id=" + c.clientId()
                + "&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret())));
        cases.add(invalidClient("the secret as the client ID", (t, c) -> t.basicForm(c.clientSecret(), c.clientId(), GRANT)));
        // an Authorization header that is not HTTP Basic credentials
        cases.add(badRequest("Basic credentials that are not base64", "invalid_request", (t, c) -> t.raw("Basic !!not*base64!!", FORM, GRANT, "")));
        cases.add(badRequest("Basic credentials without a colon", "invalid_request",
                (t, c) -> t.raw("Basic " + b64(c.clientId() + c.clientSecret()), FORM, GRANT, "")));
        cases.add(badRequest("\"Basic \" and nothing else", "invalid_request", (t, c) -> t.raw("Basic ", FORM, GRANT, "")));
        // what is asked for
        for (String grant : List.of("password&username=a&password=b", "refresh_token&refresh_token=abc",
                "authorization_code&code=abc&redirect_uri=https%3A%2F%2Fevil.test%2Fcb",
                enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=a.b.c", "", "CLIENT_CREDENTIALS")) {
            cases.add(badRequest("grant_type=" + grant, "unsupported_grant_type", (t, c) -> t.basic(c, "grant_type=" + grant)));
        }
        cases.add(badRequest("no grant_type", "invalid_request", (t, c) -> t.basic(c, "scope=debts:read")));
        cases.add(badRequest("grant_type twice", "invalid_request", (t, c) -> t.basic(c, GRANT + "&" + GRANT)));
        cases.add(badRequest("a scope the client lacks", "invalid_scope", (t, c) -> t.basic(c, GRANT + "&scope=debts:write")));
        cases.add(badRequest("its scope and one it lacks", "invalid_scope", (t, c) -> t.basic(c, GRANT + "&scope=" + enc("debts:read debts:write"))));
        cases.add(badRequest("an unknown scope", "invalid_scope", (t, c) -> t.basic(c, GRANT + "&scope=everything")));
        cases.add(badRequest("scope api-clients:admin", "invalid_scope", (t, c) -> t.basic(c, GRANT + "&scope=api-clients:admin")));
        cases.add(badRequest("scope followup-configs:write", "invalid_scope", (t, c) -> t.basic(c, GRANT + "&scope=followup-configs:write")));
        cases.add(badRequest("scope twice as parameters", "invalid_request",
                (t, c) -> t.basic(c, GRANT + "&scope=debts:read&scope=debts:read")));
        // how it is sent
        cases.add(badRequest("a JSON body", "invalid_request", (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()),
                "application/json", "{\"grant_type\":\"client_credentials\"}", "")));
        cases.add(badRequest("a text/plain body", "invalid_request",
                (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), "text/plain", GRANT, "")));
        cases.add(badRequest("a multipart body", "invalid_request", (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()),
                "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n--b--\r\n", "")));
        cases.add(badRequest("a Content-Type that does not parse", "invalid_request",
                (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), "application/x-www-form-urlencoded; ;;=", GRANT, "")));
        cases.add(badRequest("no body and no Content-Type", "invalid_request", (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), null, null, "")));
        cases.add(badRequest("an empty form", "invalid_request", (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), FORM, "", "")));
        cases.add(badRequest("credentials in the header and the body", "invalid_request", (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()),
                FORM, GRANT + "&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret(), "")));
        cases.add(badRequest("HTTP Basic and a client_secret in the query string", "invalid_request",
                (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), FORM, GRANT, "?client_secret=" + c.clientSecret())));
        // RFC 6749 section 2.3.1: credentials MUST NOT be in the request URI; every parameter belongs in the form body
        cases.add(badRequest("client_id and client_secret in the query string only", "invalid_request",
                (t, c) -> t.raw(null, FORM, GRANT, "?client_id=" + c.clientId() + "&client_secret=" + c.clientSecret())));
        cases.add(badRequest("client_secret in the query string, client_id in the form", "invalid_request",
                (t, c) -> t.raw(null, FORM, GRANT + "&client_id=" + c.clientId(), "?client_secret=" + c.clientSecret())));
        cases.add(badRequest("scope in the query string (it gave a token without scopes)", "invalid_request",
                (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), FORM, GRANT, "?scope=debts:read")));
        cases.add(badRequest("grant_type in the query string and the form", "invalid_request",
                (t, c) -> t.raw(ClientCredentials.basic(c.clientId(), c.clientSecret()), FORM, GRANT, "?" + GRANT)));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void badTokenRequestIsRefusedAndChangesNothing(Case bad) {
        IssuedClient client = clients.create("bad-token-" + UUID.randomUUID(), "bad input", Set.of("debts:read"));

        ApiResponse response = bad.send().apply(this, client);

        assertRefused(bad.name(), response, bad.status(), bad.error());
        assertUnused(client);
    }

    /** A revoked client's right secret is refused exactly as a wrong one: the answer does not tell them apart. */
    @Test
    void revokedClientIsInvalidClient() {
        String company = "bad-token-" + UUID.randomUUID();
        IssuedClient client = clients.create(company, "revoked", Set.of("debts:read"));
        ApiResponse wrong = basicForm(client.clientId(), "wrong", GRANT);
        String admin = tokens.sign(Map.of("scope", "api-clients:admin", "company_id", company), Duration.ofHours(1));
        ApiResponse revoked = api.request("DELETE", "/admin/v1/api-clients/" + client.clientId()).token(admin).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        for (ApiResponse response : List.of(basic(client, GRANT),
                form(GRANT + "&client_id=" + client.clientId() + "&client_secret=" + client.clientSecret()))) {
            assertRefused("revoked client", response, 401, "invalid_client");
            assertThat(response.body()).as("the same answer as a wrong secret's").isEqualTo(wrong.body());
        }
        assertThat(lastUsedAt(client)).isNull();
    }

    /** Only POST asks for a token; GET /token is no token endpoint and gives no token. */
    @Test
    void getTokenIsNoTokenRequest() {
        IssuedClient client = clients.create("bad-token-" + UUID.randomUUID(), "get", Set.of("debts:read"));
        for (String query : List.of("", "?" + GRANT, "?" + GRANT + "&client_id=" + client.clientId() + "&client_secret=" + client.clientSecret())) {
            ApiResponse response = api.request("GET", "/token" + query).header("Authorization", ClientCredentials.basic(client.clientId(), client.clientSecret())).send();
            String where = "GET /token" + query + " answered " + response;
            assertThat(response.status()).as(where).isEqualTo(405);
            assertThat(response.header("Allow")).as(where).isEqualTo("POST");
            assertThat(response.json().path("error").asString()).as(where).isEqualTo("invalid_request");
            assertNoTokenNoTrace(where, response);
        }
        assertUnused(client);
    }

    /** An Authorization header over Tomcat's 8 kB limit is refused before the application sees it: 400, never a 500. */
    @Test
    void basicCredentialsOverTheHeaderLimitAreA400() {
        IssuedClient client = clients.create("bad-token-" + UUID.randomUUID(), "header", Set.of("debts:read"));
        for (String[] pair : List.of(new String[] {client.clientId(), TEN_KB}, new String[] {TEN_KB, client.clientSecret()})) {
            ApiResponse response = basicForm(pair[0], pair[1], GRANT);
            String where = "10 kB of HTTP Basic answered " + response.status() + " " + response.body();
            assertThat(response.status()).as(where).isIn(400, 431);
            assertNoTokenNoTrace(where, response);
        }
        assertUnused(client);
    }

    /** Far more than any token request needs: over the service's 64 kB body limit, 413 (in the problem format), never a 500. */
    @Test
    void hugeFormsAreNeverA500() {
        IssuedClient client = clients.create("bad-token-" + UUID.randomUUID(), "huge", Set.of("debts:read"));
        for (int size : List.of(70 * 1024, 3 * 1024 * 1024)) {
            ApiResponse response = basic(client, GRANT + "&padding=" + "p".repeat(size));
            String where = size + " bytes of form answered " + response.status() + " " + response.body();
            assertThat(response.status()).as(where).isEqualTo(413);
            assertNoTokenNoTrace(where, response);
        }
        assertUnused(client);
    }

    // ------------------------------------------------------------------ requests

    ApiResponse basic(IssuedClient client, String form) {
        return basicForm(client.clientId(), client.clientSecret(), form);
    }

    ApiResponse basicForm(String clientId, String clientSecret, String form) {
        return raw(ClientCredentials.basic(clientId, clientSecret), FORM, form, "");
    }

    ApiResponse form(String form) {
        return raw(null, FORM, form, "");
    }

    ApiResponse raw(String authorization, String contentType, String body, String query) {
        ApiClient.Request request = api.request("POST", "/token" + query).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.send();
    }

    // ------------------------------------------------------------------ assertions

    private static void assertRefused(String name, ApiResponse response, int status, String error) {
        String where = name + " answered " + response.status() + " [" + response.contentType() + "] " + response.body()
                + " WWW-Authenticate: " + response.header("WWW-Authenticate");
        assertThat(response.status()).as(where).isEqualTo(status);
        assertThat(response.contentType()).as(where + " / Content-Type").isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                .as(where + " / application/json").isTrue();
        assertThat(response.json()).as(where + " / JSON").isNotNull();
        assertThat(response.json().path("error").asString()).as(where + " / error").isEqualTo(error);
        // error_description is optional (RFC 6749 section 5.2): Spring Authorization Server's own refusals have none
        assertThat(response.json().path("error_description").isMissingNode() || response.json().path("error_description").isString())
                .as(where + " / error_description").isTrue();
        assertThat(response.header("Cache-Control")).as(where + " / Cache-Control").contains("no-store");
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).as(where + " / WWW-Authenticate").startsWith("Basic ");
        }
        assertNoTokenNoTrace(where, response);
    }

    private static void assertNoTokenNoTrace(String where, ApiResponse response) {
        assertThat(response.status()).as(where + " / never a 5xx").isLessThan(500);
        assertThat(response.body()).as(where + " / no token").doesNotContain("access_token");
        assertThat(response.body()).as(where + " / no stack trace").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("io.followup").doesNotContain("org.springframework");
    }

    /** Nothing changed: no token was recorded for the client, and its right secret still gets one. */
    private void assertUnused(IssuedClient client) {
        assertThat(lastUsedAt(client)).as("last_used_at after refused requests").isNull();
        ApiResponse token = basic(client, GRANT);
        assertThat(token.status()).as("the right secret still works: " + token).isEqualTo(200);
        assertThat(token.json().path("scope").asString()).isEqualTo("debts:read");
    }

    private Object lastUsedAt(IssuedClient client) {
        return jdbc.queryForObject("select last_used_at from api_client where client_id = ?", Object.class, client.clientId());
    }

    private static Case invalidClient(String name, BiFunction<TokenRequestBadInputIntegrationTests, IssuedClient, ApiResponse> send) {
        return new Case(name, 401, "invalid_client", send);
    }

    private static Case badRequest(String name, String error, BiFunction<TokenRequestBadInputIntegrationTests, IssuedClient, ApiResponse> send) {
        return new Case(name, 400, error, send);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
