package io.followup.oauth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, as {@code invalid_request}, the token requests Spring Authorization Server would misread or not see: any
 * method but POST (405); a parameter of the request in the URL (credentials there end up in access logs, and Spring
 * would read some parameters from the query and ignore others, so a {@code ?scope=} gave a token without scopes); a
 * body that is
 * not a form (JSON carries no parameters, so it would be told its client is unknown or its grant unsupported), and
 * credentials sent twice, in the Authorization header and in the body (RFC 6749 section 2.3: "MUST NOT use more than
 * one authentication method"; Spring would take the header's and ignore the other).
 */
final class TokenRequestGuard extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TokenRequests.isTokenPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            OAuthErrors.write(response, HttpStatus.METHOD_NOT_ALLOWED, OAuth2ErrorCodes.INVALID_REQUEST,
                    "The token endpoint takes POST only (RFC 6749 section 3.2)");
            return;
        }
        if (!isForm(request.getContentType())) {
            OAuthErrors.write(response, HttpStatus.BAD_REQUEST, OAuth2ErrorCodes.INVALID_REQUEST,
                    "Send the token request as application/x-www-form-urlencoded (RFC 6749 section 4.4.2)");
            return;
        }
        String inUrl = TokenRequests.parameterInQuery(request);
        if (inUrl != null) {
            OAuthErrors.write(response, HttpStatus.BAD_REQUEST, OAuth2ErrorCodes.INVALID_REQUEST, "Send " + inUrl
                    + " in the form body, not in the URL (RFC 6749 sections 2.3.1 and 3.2)");
            return;
        }
        if (TokenRequests.hasBasicCredentials(request) && (request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null)) {
            OAuthErrors.write(response, HttpStatus.BAD_REQUEST, OAuth2ErrorCodes.INVALID_REQUEST,
                    "Client credentials in both the Authorization header and the body: send them one way only");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
