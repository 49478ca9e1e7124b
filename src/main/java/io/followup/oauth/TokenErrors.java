package io.followup.oauth;

import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Says what to do about a refused token request where Spring Authorization Server names only the error code or the
 * parameter ({@code "OAuth 2.0 Parameter: grant_type"}): the code stays, the description tells the integrator the fix.
 */
final class TokenErrors {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            OAuth2ErrorCodes.INVALID_SCOPE, "Ask only for scopes the API client has (space-separated), or leave scope out "
                    + "to get all of them",
            OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, "Only grant_type=client_credentials is supported; a token is not "
                    + "refreshed, ask for a new one");

    private TokenErrors() {
    }

    static OAuth2Error described(OAuth2Error error) {
        String better = DESCRIPTIONS.get(error.getErrorCode());
        return better == null ? error : new OAuth2Error(error.getErrorCode(), better, null);
    }
}
