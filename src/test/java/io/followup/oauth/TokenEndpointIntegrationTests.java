package io.followup.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.OAuthServerKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The client-credentials grant as an integrator uses it, with GetBill's request (https://docs.getbill.io/authentication). */
class TokenEndpointIntegrationTests extends IntegrationTest {

    @Autowired
    private ApiClients clients;

    @Test
    void clientCredentialsWithBasicAuthGiveATokenTheExternalApiAccepts() throws Exception {
        String company = "oauth-" + UUID.randomUUID();
        IssuedClient client = clients.create(company, "ERP sync", ApiClients.GRANTABLE_SCOPES);

        ApiResponse token = tokenRequest("/token", client, "grant_type=client_credentials&scope="
                + URLEncoder.encode("debts:read debts:write followups:read", StandardCharsets.UTF_8));

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.json().path("expires_in").asLong()).isBetween(3590L, 3600L);
        assertThat(token.json().path("scope").asString().split(" ")).containsExactlyInAnyOrder("debts:read", "debts:write", "followups:read");
        SignedJWT jwt = SignedJWT.parse(token.json().path("access_token").asString());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(OAuthServerKeys.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("company_id")).isEqualTo(company);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("debts:read debts:write followups:read");

        String bearer = token.json().path("access_token").asString();
        ApiResponse created = api.request("POST", "/external-api/v1/debts").token(bearer).json("""
                {"firstname": "Maria", "lastname": "Silva", "email": "maria@example.com", "amount": 10.00, "currency": "BRL"}
                """).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiResponse list = api.request("GET", "/external-api/v1/debts").token(bearer).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
    }

    @Test
    void oauthTokenPathAndFormCredentialsWorkToo() {
        IssuedClient client = clients.create("oauth-" + UUID.randomUUID(), "ERP sync", Set.of("debts:read"));

        ApiResponse token = api.request("POST", "/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=" + client.clientId() + "&client_secret=" + client.clientSecret())
                .send();

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().path("scope").asString()).isEqualTo("debts:read");
    }

    @Test
    void refusalsAreRfc6749ErrorsAndTheServerDocumentsArePublic() {
        IssuedClient client = clients.create("oauth-" + UUID.randomUUID(), "ERP sync", Set.of("debts:read"));
        ApiResponse token = tokenRequest("/token", new IssuedClient(client.clientId(), "wrong", client.client()), "grant_type=client_credentials");
        assertThat(token.status()).as(token.toString()).isEqualTo(401);
        assertThat(token.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(token.header("WWW-Authenticate")).startsWith("Basic");
        ApiResponse scope = tokenRequest("/token", client, "grant_type=client_credentials&scope=debts:write");
        assertThat(scope.status()).as(scope.toString()).isEqualTo(400);
        assertThat(scope.json().path("error").asString()).isEqualTo("invalid_scope");
        assertThat(scope.json().path("error_description").asString()).contains("scopes the API client has");
        ApiResponse grant = tokenRequest("/token", client, "grant_type=password&username=a&password=b");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(400);
        assertThat(grant.json().path("error").asString()).isEqualTo("unsupported_grant_type");
        ApiResponse json = api.request("POST", "/token").json("{\"grant_type\":\"client_credentials\"}")
                .header("Authorization", basic(client)).send();
        assertThat(json.status()).as(json.toString()).isEqualTo(400);
        assertThat(json.json().path("error").asString()).isEqualTo("invalid_request");
        ApiResponse jwks = api.request("GET", "/.well-known/jwks.json").send();
        assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
        assertThat(jwks.body()).doesNotContain("\"d\"");
        ApiResponse metadata = api.request("GET", "/.well-known/oauth-authorization-server").send();
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
        assertThat(metadata.json().path("issuer").asString()).isEqualTo(OAuthServerKeys.ISSUER);
        assertThat(metadata.json().path("token_endpoint").asString()).isEqualTo(OAuthServerKeys.ISSUER + "/token");
        assertThat(metadata.json().path("jwks_uri").asString()).isEqualTo(OAuthServerKeys.ISSUER + "/.well-known/jwks.json");
        assertThat(metadata.json().path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(metadata.json().has("introspection_endpoint")).as("not served, so not announced").isFalse();
        assertThat(metadata.json().has("revocation_endpoint")).as("not served, so not announced").isFalse();
    }

    private ApiResponse tokenRequest(String path, IssuedClient client, String form) {
        return api.request("POST", path).header("Authorization", basic(client))
                .header("Content-Type", "application/x-www-form-urlencoded").body(form).send();
    }

    private static String basic(IssuedClient client) {
        return "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }
}
