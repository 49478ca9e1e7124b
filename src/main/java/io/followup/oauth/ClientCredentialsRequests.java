package io.followup.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The one grant the token endpoint takes, {@code client_credentials}: any other {@code grant_type} finds no converter
 * and is {@code unsupported_grant_type}. A request without {@code scope} gets every scope of its client (RFC 6749
 * section 3.3 leaves the default to the server; Spring's would be a token without scopes, refused everywhere).
 */
final class ClientCredentialsRequests implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter converter = new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = converter.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token
                && !StringUtils.hasText(request.getParameter(OAuth2ParameterNames.SCOPE))
                && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    token.getAdditionalParameters());
        }
        return converted;
    }
}
