package io.followup.oauth;

import java.time.Duration;
import java.util.Set;

import io.followup.apiclients.ApiClients;
import io.followup.apiclients.AuthenticatedClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Client authentication with an API client's ID and secret ({@code client_secret_basic} or {@code client_secret_post}),
 * in place of Spring Authorization Server's {@code ClientSecretAuthenticationProvider}: an API client may hold two
 * secrets while a rotation's grace period runs, and is refused once revoked. Every failure is the same
 * {@code invalid_client}: the answer does not tell an unknown client from a wrong secret.
 */
final class ApiClientAuthentication implements AuthenticationProvider {

    /** Where the client's company travels from its row to the token's {@code company_id} claim. */
    static final String COMPANY_SETTING = "io.followup.company-id";

    private static final Set<ClientAuthenticationMethod> METHODS =
            Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);

    private final ApiClients clients;
    private final Duration accessTokenTtl;

    ApiClientAuthentication(ApiClients clients, Duration accessTokenTtl) {
        this.clients = clients;
        this.accessTokenTtl = accessTokenTtl;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
        if (!METHODS.contains(request.getClientAuthenticationMethod())) {
            return null;
        }
        String clientId = String.valueOf(request.getPrincipal());
        Object secret = request.getCredentials();
        AuthenticatedClient client = (secret == null ? null : clients.authenticate(clientId, secret.toString()).orElse(null));
        if (client == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                    "Client authentication failed: unknown or revoked client, or wrong secret", null));
        }
        return new OAuth2ClientAuthenticationToken(registered(client), request.getClientAuthenticationMethod(), secret);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The API client as Spring Authorization Server sees one: the client-credentials grant only, its scopes, its company. */
    private RegisteredClient registered(AuthenticatedClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientAuthenticationMethods(methods -> methods.addAll(METHODS))
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().setting(COMPANY_SETTING, client.companyId()).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .build())
                .build();
    }
}
