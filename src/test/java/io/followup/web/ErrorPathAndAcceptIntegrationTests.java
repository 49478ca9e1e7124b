package io.followup.web;

import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page is no endpoint of its own, and asking for an error media type does not refuse a success. */
class ErrorPathAndAcceptIntegrationTests extends IntegrationTest {

    private static final String CONFIGS = "/backend/followup/configs";

    @Test
    void errorPathCalledDirectlyIsA404() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")) {
            ApiResponse anonymous = api.request(method, "/error").send();
            ApiResponse withToken = api.request(method, "/error").token(tokens.backend(UUID.randomUUID())).send();

            for (ApiResponse response : List.of(anonymous, withToken)) {
                assertThat(response.status()).as(method + " /error answered " + response).isEqualTo(404);
                assertThat(response.contentType()).as(method + " /error").isEqualTo("application/problem+json");
            }
        }
    }

    @Test
    void containerErrorsForwardedToTheErrorPathKeepTheirStatus() {
        // Tomcat refuses a URI with an encoded NUL before any servlet: still the API's JSON, still its 400.
        ApiResponse response = api.request("GET", "/backend/followup/configs/%2e%2e%00").token(tokens.backend(UUID.randomUUID())).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void problemJsonInAcceptDoesNotRefuseADelete() {
        UUID tenant = UUID.randomUUID();
        String id = createConfig(tenant);

        ApiResponse deleted = api.request("DELETE", CONFIGS + "/" + id).token(tokens.backend(tenant))
                .header("Accept", "application/problem+json").send();
        ApiResponse missing = api.request("DELETE", CONFIGS + "/" + id).token(tokens.backend(tenant))
                .header("Accept", "application/problem+json").send();

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void problemJsonInAcceptStillGetsTheJsonAnswer() {
        UUID tenant = UUID.randomUUID();
        String id = createConfig(tenant);

        ApiResponse get = api.request("GET", CONFIGS + "/" + id).token(tokens.backend(tenant))
                .header("Accept", "application/problem+json").send();
        ApiResponse list = api.request("GET", CONFIGS + "/tenant/" + tenant).token(tokens.backend(tenant))
                .header("Accept", "application/problem+json").send();
        ApiResponse missing = api.request("GET", CONFIGS + "/" + UUID.randomUUID()).token(tokens.backend(tenant))
                .header("Accept", "application/problem+json").send();
        ApiResponse debts = api.request("GET", "/external-api/v1/debts").token(tokens.external("accept-" + tenant))
                .header("Accept", "application/problem+json").send();
        ApiResponse missingDebt = api.request("GET", "/external-api/v1/debts/nope").token(tokens.external("accept-" + tenant))
                .header("Accept", "application/problem+json").send();

        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        assertThat(get.contentType()).isEqualTo("application/json");
        assertThat(get.json().path("id").asString()).isEqualTo(id);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.contentType()).isEqualTo("application/json");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(debts.status()).as(debts.toString()).isEqualTo(200);
        assertThat(debts.contentType()).isEqualTo("application/json");
        assertThat(missingDebt.status()).as(missingDebt.toString()).isEqualTo(404);
        assertThat(missingDebt.json().path("error").asBoolean()).isTrue();
    }

    @Test
    void aClientAcceptingOnlyHtmlIsStillRefused() {
        UUID tenant = UUID.randomUUID();
        String id = createConfig(tenant);

        ApiResponse get = api.request("GET", CONFIGS + "/" + id).token(tokens.backend(tenant)).header("Accept", "text/html").send();
        ApiResponse delete = api.request("DELETE", CONFIGS + "/" + id).token(tokens.backend(tenant)).header("Accept", "text/html").send();

        assertThat(get.status()).as(get.toString()).isEqualTo(406);
        assertThat(delete.status()).as(delete.toString()).isEqualTo(406);
        assertThat(api.request("GET", CONFIGS + "/" + id).token(tokens.backend(tenant)).send().status())
                .as("the refused DELETE deleted nothing").isEqualTo(200);
    }

    private String createConfig(UUID tenant) {
        String body = """
                {"assistant_id":"%s","trigger_status_ids":["%s"],
                 "steps":[{"interval":"PT30M","prompt":"Friendly follow-up message"}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        ApiResponse created = api.request("POST", CONFIGS).token(tokens.backend(tenant)).json(body).send();
        assertThat(created.status()).as("set-up config: " + created).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
