package io.followup.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * The token endpoint's one error format, RFC 6749 section 5.2's {@code {"error", "error_description"}}, written by
 * Spring Security's own converter, with the answer headers a token response needs (section 5.1: no caching).
 */
final class OAuthErrors {

    /** What a client that sent HTTP Basic credentials is told to use (RFC 6749 section 5.2, RFC 7617). */
    static final String BASIC_CHALLENGE = "Basic realm=\"followup-service\", charset=\"UTF-8\"";
    static final String TOO_MANY_REQUESTS = "too_many_requests";
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private static final OAuth2ErrorHttpMessageConverter CONVERTER = new OAuth2ErrorHttpMessageConverter();

    private OAuthErrors() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String description) throws IOException {
        write(response, status, new OAuth2Error(code, description, null));
    }

    static void write(HttpServletResponse response, HttpStatus status, OAuth2Error error) throws IOException {
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(status);
        http.getHeaders().setCacheControl("no-store");
        if (status == HttpStatus.UNAUTHORIZED) {
            http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        CONVERTER.write(new OAuth2Error(error.getErrorCode(), error.getDescription(), null), null, http);
    }
}
