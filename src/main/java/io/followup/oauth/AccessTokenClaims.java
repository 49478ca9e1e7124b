package io.followup.oauth;

import java.util.TreeSet;

import io.followup.apiclients.ApiClients;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What an access token of this server says, as RFC 9068 has it: header {@code typ: at+jwt}; {@code client_id}, the
 * client's {@code company_id} (what the external API reads its caller's company from) and {@code scope} as one
 * space-separated string, besides Spring Authorization Server's {@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code nbf}, {@code exp} and {@code jti}.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        // Only grantable scopes ever reach a token: an API client's row cannot hold another (io.followup.apiclients),
        // and this keeps a scope such as api-clients:admin out of this issuer's tokens whatever the row says.
        TreeSet<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
        scopes.retainAll(ApiClients.GRANTABLE_SCOPES);
        context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
        context.getClaims()
                .claim("client_id", client.getClientId())
                .claim("company_id", client.getClientSettings().<String>getSetting(ApiClientAuthentication.COMPANY_SETTING))
                .claim("scope", String.join(" ", scopes));
    }
}
