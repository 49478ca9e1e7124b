package io.followup.web;

import jakarta.servlet.http.HttpServletRequest;

/** The two API surfaces, each with its own error format; chosen by request path. */
public enum ApiSurface {

    /** {@code /backend/**} and everything else: RFC 9457 problem details. */
    BACKEND,

    /** {@code /external-api/**}: the envelope {@code {"error": true, "message", "code", "details"}}. */
    EXTERNAL;

    public static ApiSurface of(HttpServletRequest request) {
        return ofPath(request.getRequestURI());
    }

    public static ApiSurface ofPath(String path) {
        return path != null && (path.equals("/external-api") || path.startsWith("/external-api/")) ? EXTERNAL : BACKEND;
    }
}
