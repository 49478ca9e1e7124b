package io.followup.oauth;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's view of the API clients, which live in {@code api_client} (io.followup.apiclients).
 * The only way in is {@link ApiClientAuthentication}, which builds a client's registration from its row once its
 * secret checks out; no endpoint this server serves looks a client up by ID alone (no authorization code, no
 * introspection), and clients are made through {@code /admin/v1/api-clients}, never saved here.
 */
final class ApiClientRegistrations implements RegisteredClientRepository {

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are created through /admin/v1/api-clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return null;
    }
}
