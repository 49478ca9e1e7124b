package io.followup.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token requests to the service's own authorization server ({@code POST /token}, client-credentials grant), as an
 * integrator sends them: HTTP Basic credentials and a form body.
 */
public final class ClientCredentials {

    public static final String FORM = "application/x-www-form-urlencoded";

    private ClientCredentials() {
    }

    /** {@code Basic base64(id:secret)}, the ID and secret as given (RFC 6749 would form-encode them first; ours need not). */
    public static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /token} with these credentials in HTTP Basic and this form. */
    public static ApiResponse request(ApiClient api, String clientId, String clientSecret, String form) {
        return api.request("POST", "/token").header("Authorization", basic(clientId, clientSecret))
                .header("Content-Type", FORM).body(form).send();
    }

    /** A real access token for this client (every scope of it), asserted issued. */
    public static String accessToken(ApiClient api, String clientId, String clientSecret) {
        ApiResponse token = request(api, clientId, clientSecret, "grant_type=client_credentials");
        assertThat(token.status()).as("token for " + clientId + ": " + token).isEqualTo(200);
        return token.json().path("access_token").asString();
    }
}
