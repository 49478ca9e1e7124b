package io.followup.web;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/JSON error page for what escapes the MVC handlers (errors the
 * container raises itself), so even those come in the surface's format and without internals.
 */
@RestController
class ApiErrorController implements ErrorController {

    /** Every method listed, OPTIONS included, so that a direct OPTIONS call reaches it too rather than Spring's Allow answer. */
    @RequestMapping(path = "${server.error.path:${error.path:/error}}", method = {RequestMethod.GET, RequestMethod.HEAD,
            RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS,
            RequestMethod.TRACE})
    ResponseEntity<Object> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            // Called directly, not forwarded with an error: the error page is no endpoint of the API.
            return ApiErrors.response(ApiSurface.of(request), request.getRequestURI(), HttpStatus.NOT_FOUND,
                    "No endpoint " + request.getMethod() + " " + request.getRequestURI(), Map.of());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return ApiErrors.response(ApiSurface.ofPath(path), path, status, message, Map.of());
    }
}
