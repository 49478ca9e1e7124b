package io.followup.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures outside any controller still answer in the surface's format, never HTML or a stack trace. */
class WebErrorIntegrationTests extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void uriTomcatRefusesIsAProblemNotAnHtmlPage() throws IOException {
        String response = raw("GET /backend/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void uriTomcatRefusesOnTheExternalSurfaceUsesItsEnvelope() throws IOException {
        String response = raw("GET /external-api/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("\"error\":true").contains("\"code\":400").doesNotContain("<html");
    }

    @Test
    void unknownExternalRouteIs404InTheEnvelope() {
        ApiResponse response = api.request("GET", "/external-api/v1/nothing-here").token(tokens.external("acme")).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asBoolean()).isTrue();
        assertThat(response.json().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void oversizedBodyIs413BeforeItIsRead() {
        String huge = "{\"prompt\": \"" + "x".repeat(70_000) + "\"}";

        ApiResponse backend = api.request("POST", "/backend/followup/configs").token(tokens.backend(UUID.randomUUID())).json(huge).send();
        ApiResponse external = api.request("POST", "/external-api/v1/followups").token(tokens.external("acme")).json(huge).send();

        assertThat(backend.status()).isEqualTo(413);
        assertThat(backend.contentType()).isEqualTo("application/problem+json");
        assertThat(backend.json().get("errors").has("body")).isTrue();
        assertThat(external.status()).isEqualTo(413);
        assertThat(external.json().get("code").asInt()).isEqualTo(413);
    }

    @Test
    void multipartBodyIs415NotAFailedParse() {
        String tenant = UUID.randomUUID().toString();
        for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=xyz", "multipart/mixed; boundary=b"}) {
            ApiResponse backend = api.request("POST", "/backend/followup/configs").token(tokens.backend(UUID.fromString(tenant)))
                    .header("Content-Type", type).body("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--").send();
            ApiResponse external = api.request("POST", "/external-api/v1/debts").token(tokens.external("acme-" + tenant))
                    .header("Content-Type", type).body("{\"internal_id\":\"x\"}").send();

            assertThat(backend.status()).as(type + ": " + backend).isEqualTo(415);
            assertThat(backend.contentType()).isEqualTo("application/problem+json");
            assertThat(external.status()).as(type + ": " + external).isEqualTo(415);
            assertThat(external.json().get("code").asInt()).isEqualTo(415);
        }
        assertThat(jdbc.queryForObject("select count(*) from followup_config where tenant_id = ?::uuid", Long.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from debt where company_id = ?", Long.class, "acme-" + tenant)).isZero();
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
