package io.followup.oauth;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.followup.apiclients.ApiClients;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;

/**
 * The metadata (RFC 8414) names what this server serves and nothing more: the token endpoint with the
 * client-credentials grant and client-secret authentication, the JWK set, the grantable scopes. Spring's builder
 * insists on an {@code authorization_endpoint} and {@code response_types_supported}; they stay, unused: no client can
 * use the authorization-code grant.
 */
final class ServedMetadata implements Consumer<OAuth2AuthorizationServerMetadata.Builder> {

    private static final List<String> NOT_SERVED = List.of(
            OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT,
            OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
            OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT,
            OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED,
            OAuth2AuthorizationServerMetadataClaimNames.DEVICE_AUTHORIZATION_ENDPOINT,
            OAuth2AuthorizationServerMetadataClaimNames.PUSHED_AUTHORIZATION_REQUEST_ENDPOINT,
            OAuth2AuthorizationServerMetadataClaimNames.CODE_CHALLENGE_METHODS_SUPPORTED,
            OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS,
            OAuth2AuthorizationServerMetadataClaimNames.DPOP_SIGNING_ALG_VALUES_SUPPORTED,
            OAuth2AuthorizationServerMetadataClaimNames.REGISTRATION_ENDPOINT);

    @Override
    public void accept(OAuth2AuthorizationServerMetadata.Builder metadata) {
        metadata.claims(claims -> NOT_SERVED.forEach(claims::remove));
        metadata.grantTypes(grants -> {
            grants.clear();
            grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());
        });
        metadata.tokenEndpointAuthenticationMethods(methods -> {
            methods.clear();
            methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue());
            methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
        });
        metadata.scopes(scopes -> {
            scopes.clear();
            scopes.addAll(new TreeSet<>(ApiClients.GRANTABLE_SCOPES));
        });
    }
}
