package io.followup.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/** What the filters in front of the token endpoint read of a request, before Spring Authorization Server parses it. */
final class TokenRequests {

    static final String TOKEN_PATH = "/token";
    /** GetBill's guides use both (https://docs.getbill.io/authentication, /guides/best-practices). */
    static final String OAUTH_TOKEN_PATH = "/oauth/token";
    /** What a token request may send, all of it in the form body. */
    private static final Set<String> REQUEST_PARAMETERS = Set.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.SCOPE,
            OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET, OAuth2ParameterNames.CLIENT_ASSERTION,
            OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);

    private TokenRequests() {
    }

    /** A request to the token endpoint, whatever its method ({@code /oauth/token} arrives here as {@code /token}). */
    static boolean isTokenPath(HttpServletRequest request) {
        return TOKEN_PATH.equals(request.getRequestURI());
    }

    static boolean isTokenRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && isTokenPath(request);
    }

    /** The first parameter of a token request that the URL's query carries, if any. */
    static String parameterInQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (REQUEST_PARAMETERS.contains(name)) {
                return name;
            }
        }
        return null;
    }

    static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The client ID the request names, from HTTP Basic (RFC 6749 section 2.3.1: form-encoded) or the form. */
    static Optional<String> clientId(HttpServletRequest request) {
        if (hasBasicCredentials(request)) {
            try {
                String pair = new String(Base64.getDecoder().decode(request.getHeader(HttpHeaders.AUTHORIZATION).substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon <= 0 ? Optional.empty()
                        : Optional.of(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }
        String id = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        return id == null || id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
