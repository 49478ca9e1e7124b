package io.followup.web;

import java.util.List;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path variables and query parameters the framework cannot bind (a blank UUID, a NUL character)
 * are a 400 naming the parameter in the surface's format, never a 500.
 */
class RequestParameterErrorsIntegrationTests extends IntegrationTest {

    private static final String UUID_MESSAGE = "Must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void blankUuidPathVariableIsA400NamingIt() {
        UUID tenant = UUID.randomUUID();
        record Call(String method, String path, String parameter, String body) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/backend/followup/configs/%20", "id", null),
                new Call("PUT", "/backend/followup/configs/%20", "id", "{\"is_active\":false}"),
                new Call("DELETE", "/backend/followup/configs/%20", "id", null),
                new Call("GET", "/backend/followup/configs/tenant/%20", "tenantId", null),
                new Call("GET", "/backend/followup/configs/assistant/%20", "assistantId", null),
                new Call("GET", "/backend/followup/enrollments/%20", "id", null),
                new Call("GET", "/backend/followup/configs/%20%20%09", "id", null));
        for (Call call : calls) {
            var request = api.request(call.method(), call.path()).token(tokens.backend(tenant));
            if (call.body() != null) {
                request.json(call.body());
            }
            ApiResponse response = request.send();

            String where = call.method() + " " + call.path() + " answered " + response;
            assertThat(response.status()).as(where).isEqualTo(400);
            assertThat(response.contentType()).as(where).isEqualTo("application/problem+json");
            assertThat(response.json().path("errors").path(call.parameter()).asString()).as(where).isEqualTo(UUID_MESSAGE);
        }
    }

    @Test
    void aBlankUuidFilterIsA400NotAnUnfilteredList() {
        String token = tokens.backend(UUID.randomUUID());

        ApiResponse blank = api.request("GET", "/backend/followup/enrollments?assistant_id=%20").token(token).send();
        ApiResponse empty = api.request("GET", "/backend/followup/enrollments?assistant_id=").token(token).send();

        assertThat(blank.status()).as("blank answered %s", blank).isEqualTo(400);
        assertThat(blank.json().path("errors").path("assistant_id").asString()).isEqualTo(UUID_MESSAGE);
        assertThat(empty.status()).as("an empty value still means no filter").isEqualTo(200);
    }

    @Test
    void blankEncryptedIdPathVariableIsNotAServerError() {
        assertExternalErrors(404, "blank-ids", "/external-api/v1/debts/%20", "/external-api/v1/followups/%20",
                "/external-api/v1/followups/debt/%20");
        for (String method : List.of("PATCH", "PUT")) {
            ApiResponse response = api.request(method, "/external-api/v1/followups/%20").token(tokens.external("blank-ids"))
                    .json("{\"status\":\"sent\"}").send();

            assertThat(response.status()).as(method + " answered " + response).isEqualTo(404);
        }
    }

    @Test
    void nulInATextQueryParameterIsA400NamingIt() {
        UUID tenant = UUID.randomUUID();
        record Call(String path, String parameter, boolean backend) {
        }
        List<Call> calls = List.of(
                new Call("/external-api/v1/debts?internal_id=%00", "internal_id", false),
                new Call("/external-api/v1/debts?internal_id=INV%00-1", "internal_id", false),
                new Call("/external-api/v1/followups?debt_id=%00", "debt_id", false),
                new Call("/external-api/v1/followups?status=%00", "status", false),
                new Call("/external-api/v1/followups?type=sms%00", "type", false),
                new Call("/external-api/v1/followups?scheduled_from=%00", "scheduled_from", false),
                new Call("/backend/followup/enrollments?lead_id=%00", "lead_id", true),
                new Call("/backend/followup/enrollments?status=active%00", "status", true));
        for (Call call : calls) {
            ApiResponse response = api.request("GET", call.path())
                    .token(call.backend() ? tokens.backend(tenant) : tokens.external("nul-params")).send();

            String where = call.path() + " answered " + response;
            assertThat(response.status()).as(where).isEqualTo(400);
            String message = call.backend() ? response.json().path("errors").path(call.parameter()).asString()
                    : response.json().path("details").path(call.parameter()).asString();
            assertThat(message).as(where).isEqualTo("NUL characters are not allowed");
        }
    }

    @Test
    void nulInATextPathVariableIsA400NamingIt() {
        assertExternalErrors(400, "nul-params", "/external-api/v1/debts/abc%00def", "/external-api/v1/followups/%00",
                "/external-api/v1/followups/debt/x%00");
    }

    /** A GET of each path by {@code company} is an error envelope with this status. */
    private void assertExternalErrors(int status, String company, String... paths) {
        for (String path : paths) {
            ApiResponse response = api.request("GET", path).token(tokens.external(company)).send();

            assertThat(response.status()).as(path + " answered " + response).isEqualTo(status);
            assertThat(response.json().path("error").asBoolean()).as(path).isTrue();
        }
    }
}
