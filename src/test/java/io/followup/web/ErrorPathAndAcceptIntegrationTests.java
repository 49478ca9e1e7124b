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

        ApiResponse deleted = acceptingProblemJson("DELETE", CONFIGS + "/" + id, tokens.backend(tenant));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

        assertAnswer(acceptingProblemJson("DELETE", CONFIGS + "/" + id, tokens.backend(tenant)), 404, "application/problem+json");
    }

    @Test
    void problemJsonInAcceptStillGetsTheJsonAnswer() {
        UUID tenant = UUID.randomUUID();
        String id = createConfig(tenant);

        ApiResponse get = acceptingProblemJson("GET", CONFIGS + "/" + id, tokens.backend(tenant));
        ApiResponse list = acceptingProblemJson("GET", CONFIGS + "/tenant/" + tenant, tokens.backend(tenant));
        ApiResponse missing = acceptingProblemJson("GET", CONFIGS + "/" + UUID.randomUUID(), tokens.backend(tenant));
        ApiResponse debts = acceptingProblemJson("GET", "/external-api/v1/debts", tokens.external("accept-" + tenant));
        ApiResponse missingDebt = acceptingProblemJson("GET", "/external-api/v1/debts/nope", tokens.external("accept-" + tenant));

        assertAnswer(get, 200, "application/json");
        assertThat(get.json().path("id").asString()).isEqualTo(id);
        assertAnswer(list, 200, "application/json");
        assertAnswer(missing, 404, "application/problem+json");
        assertAnswer(debts, 200, "application/json");
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

    private static void assertAnswer(ApiResponse response, int status, String contentType) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(contentType);
    }

    private ApiResponse acceptingProblemJson(String method, String path, String token) {
        return api.request(method, path).token(token).header("Accept", "application/problem+json").send();
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
