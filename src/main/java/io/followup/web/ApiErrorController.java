package io.followup.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/JSON error page for what escapes the MVC handlers (errors the
 * container raises itself), so even those come in the surface's format and without internals.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return ApiErrors.response(ApiSurface.ofPath(path), path, status, message, Map.of());
    }
}
