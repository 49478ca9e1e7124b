package io.followup.oauth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@code /oauth/token} is {@code /token}: GetBill's authentication page posts to one, its best-practices guide to the
 * other. Spring Authorization Server serves one token endpoint, so this filter, ahead of every other, shows it the
 * request under the path it serves.
 */
final class TokenPathAlias extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TokenRequests.OAUTH_TOKEN_PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A path parsed and cached for the original URI would make later matchers see /oauth/token again.
        ServletRequestPathUtils.clearParsedRequestPath(request);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return request.getContextPath() + TokenRequests.TOKEN_PATH;
            }

            @Override
            public String getServletPath() {
                return TokenRequests.TOKEN_PATH;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = request.getRequestURL();
                return new StringBuffer(url.substring(0, url.length() - TokenRequests.OAUTH_TOKEN_PATH.length())
                        + TokenRequests.TOKEN_PATH);
            }
        }, response);
    }
}
