package io.followup.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of a request to a 4xx/5xx in the format of the surface it hit (see
 * {@link ApiSurface}). It is path-aware rather than package-scoped because framework failures
 * (unknown route, wrong method, unreadable body) happen before any controller is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** What a client is told to wait when the database is unreachable: about one pool connection timeout. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex, HttpServletRequest request) {
        return error(request, ex.status(), ex.getMessage(), ex.details());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError field : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(FieldPaths.toJson(field.getField()), field.getDefaultMessage());
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.putIfAbsent("body", e.getDefaultMessage()));
        BodyProblems unreadable = BodyProblems.ofCurrentRequest();
        return error(request, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE,
                unreadable == null ? errors : unreadable.mergedWith(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        if (RequestSizeLimitFilter.isTooLarge(ex)) {
            return tooLarge(request);
        }
        return error(request, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE, JsonErrorReader.describe(ex));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        String expected = ex.getRequiredType() == String.class && TextParameterBinding.hasNul(ex.getValue())
                ? NoNulStringDeserializer.MESSAGE : expected(ex.getRequiredType());
        return error(request, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE, Map.of(ex.getName(), expected));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE,
                Map.of(ex.getParameterName(), ex.getParameterName() + " is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, InvalidRequestException.MESSAGE,
                Map.of(ex.getHeaderName(), "Header " + ex.getHeaderName() + " is required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        return error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type; send application/json",
                Map.of("Content-Type", "Must be application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_ACCEPTABLE, "This API answers in JSON; accept application/json",
                Map.of("Accept", "Must accept application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        ResponseEntity<Object> response = error(request, HttpStatus.METHOD_NOT_ALLOWED,
                "Method " + ex.getMethod() + " is not allowed here", Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> noRoute(Exception ex, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_FOUND, "No endpoint " + request.getMethod() + " " + request.getRequestURI(), Map.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentWrite(OptimisticLockingFailureException ex, HttpServletRequest request) {
        return error(request, HttpStatus.CONFLICT,
                "The resource was changed by another request at the same time; fetch it again and retry", Map.of());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<Object> databaseDown(Exception ex, HttpServletRequest request) {
        log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
        ResponseEntity<Object> response = error(request, HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable; retry shortly",
                Map.of());
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(response.getBody());
    }

    /**
     * The client hung up before its answer (a timeout of its own, a load generator stopping): there is no one to answer
     * and nothing wrong here, so no 500 and no stack trace; what the request changed is committed or rolled back as
     * it would be anyway. Spring's own exception resolver treats it the same way.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException ex, HttpServletRequest request) {
        log.debug("Client gone before the answer to {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        if (DatabaseFailures.isUnavailable(ex)) {
            // Lost connections also surface wrapped (a failed commit, a Hibernate exception): still a 503.
            return databaseDown(ex, request);
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), ex);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", Map.of());
    }

    private ResponseEntity<Object> tooLarge(HttpServletRequest request) {
        return error(request, HttpStatus.CONTENT_TOO_LARGE, "Request body is too large", Map.of("body", "Request body is too large"));
    }

    private static ResponseEntity<Object> error(HttpServletRequest request, HttpStatus status, String message,
            Map<String, String> details) {
        return ApiErrors.response(ApiSurface.of(request), request.getRequestURI(), status, message, details);
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "Must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
        }
        return type != null && Number.class.isAssignableFrom(box(type)) ? "Must be a whole number" : "Invalid value";
    }

    private static Class<?> box(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        return type == long.class ? Long.class : type;
    }
}
