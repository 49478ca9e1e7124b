package io.followup.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the error answers of every operation in its surface's format, and the headers the filters
 * add (rate limit, idempotency), none of which a controller method shows. Error statuses only some
 * operations give (404, 409, 412) are declared on those methods; this gives them their body.
 * It registers the two error schemas itself, while the paths are built: schemas that nothing refers
 * to at that point are removed by springdoc.
 */
final class OpenApiErrorResponses implements GlobalOperationComponentsCustomizer {

    static final String PROBLEM = "Problem";
    static final String EXTERNAL_ERROR = "ExternalError";
    static final String RATE_LIMIT_ERROR = "RateLimitError";
    /** GetBill's 401 body (https://docs.getbill.io/errors), the same for a missing, bad or expired token. */
    private static final Map<String, Object> UNAUTHORIZED_EXAMPLE = example(
            "Authentication credentials are missing or invalid", 401, null);
    /** GetBill's 429 body (https://docs.getbill.io/rate-limits). */
    private static final Map<String, Object> RATE_LIMITED_EXAMPLE = example(
            "Rate limit exceeded. Please try again later.", 429, rateLimitDetails());
    private static final int IDEMPOTENCY_KEY_MAX = 255;

    /** springdoc calls the three-argument form; this one only completes the interface. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return operation;
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        ApiSurface surface = surface(handlerMethod);
        boolean external = surface == ApiSurface.EXTERNAL;
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(EXTERNAL_ERROR, externalErrorSchema());
        if (external) {
            components.addSchemas(RATE_LIMIT_ERROR, rateLimitErrorSchema());
        }

        add(operation, "400", "Invalid input; `" + (external ? "details" : "errors") + "` names each offending field");
        add(operation, "401", "Missing, expired or invalid bearer token");
        operation.getResponses().get("401").addHeaderObject("WWW-Authenticate",
                header("Bearer challenge (RFC 6750); for a token that was sent, error=\"invalid_token\" and an "
                        + "error_description saying why it was refused (malformed, bad signature, expired, ...)", new StringSchema()));
        add(operation, "403", "The token lacks the scope this operation needs");
        add(operation, "405", "The path exists but not with this method; Allow lists the methods it takes");
        operation.getResponses().get("405").addHeaderObject("Allow", header("Methods this path takes", new StringSchema()));
        add(operation, "406", "The Accept header excludes JSON, the only format this API answers in");
        if (operation.getRequestBody() != null) {
            add(operation, "413", "Request body too large");
            add(operation, "415", "Content-Type is not application/json");
        }
        add(operation, "503", "The database is unreachable; retry after Retry-After seconds");
        operation.getResponses().get("503").addHeaderObject("Retry-After", retryAfter());
        if (external) {
            add(operation, "429", "Rate limit exceeded: the client's read budget (GET) or write budget (POST, PUT, PATCH, "
                    + "DELETE) is spent; retry after Retry-After seconds (also details.retry_after)");
            operation.getResponses().get("429").addHeaderObject("Retry-After", retryAfter());
            if (isPost(handlerMethod)) {
                idempotency(operation);
            }
            operation.getResponses().forEach((code, response) -> {
                if (!code.equals("401")) {
                    rateLimitHeaders(response);
                }
            });
        }
        // Every error answer has the surface's body. springdoc gives error statuses declared on a method the
        // method's return type; that is the success body, never what an error answers.
        operation.getResponses().forEach((code, response) -> {
            if (code.charAt(0) >= '4') {
                response.setContent(errorContent(external, code));
            }
        });
        return operation;
    }

    private static void idempotency(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("Makes a retry safe: the same key and body replay the first answer "
                        + "(Idempotent-Replayed: true); another body is 422, a key still in progress 409")
                .schema(new StringSchema().minLength(1).maxLength(IDEMPOTENCY_KEY_MAX).pattern("^[!-~]+$"))
                .example("5b0ec1d4-4a9e-4d42-9a77-6c1b3a1f0d2e"));
        add(operation, "409", "Conflict, or a request with this Idempotency-Key is still in progress (retry after Retry-After)");
        operation.getResponses().get("409").addHeaderObject("Retry-After", retryAfter());
        add(operation, "422", "This Idempotency-Key was already used with a different request");
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeaderObject("Idempotent-Replayed", header(
                        "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                        new StringSchema()._enum(List.of("true"))));
            }
        });
    }

    private static void rateLimitHeaders(ApiResponse response) {
        // Of the budget this request counted against: reads (GET, HEAD) or writes (POST, PUT, PATCH, DELETE).
        response.addHeaderObject("X-RateLimit-Limit", header("Requests allowed per window in the budget this request "
                + "counted against: the client's reads (GET, HEAD) or writes (POST, PUT, PATCH, DELETE)", new IntegerSchema().format("int64")));
        response.addHeaderObject("X-RateLimit-Remaining", header("Requests left right now in that budget", new IntegerSchema().format("int64")));
        response.addHeaderObject("X-RateLimit-Reset", header("Unix time (seconds) at which that budget is whole again",
                new IntegerSchema().format("int64")));
        response.addHeaderObject("X-RateLimit-Window", header("Seconds the limit is counted over (3600 by default)",
                new IntegerSchema().format("int64")));
    }

    private static void add(Operation operation, String code, String description) {
        if (!operation.getResponses().containsKey(code)) {
            operation.getResponses().addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static Content errorContent(boolean external, String code) {
        if (!external) {
            return new Content().addMediaType("application/problem+json", new MediaType().schema(ref(PROBLEM)));
        }
        MediaType media = switch (code) {
            case "429" -> new MediaType().schema(ref(RATE_LIMIT_ERROR)).example(RATE_LIMITED_EXAMPLE);
            case "401" -> new MediaType().schema(ref(EXTERNAL_ERROR)).example(UNAUTHORIZED_EXAMPLE);
            default -> new MediaType().schema(ref(EXTERNAL_ERROR));
        };
        return new Content().addMediaType("application/json", media);
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    private static Map<String, Object> example(String message, int code, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", true);
        body.put("message", message);
        body.put("code", code);
        if (details != null) {
            body.put("details", details);
        }
        return body;
    }

    private static Map<String, Object> rateLimitDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("retry_after", 1800);
        details.put("limit", 1000);
        details.put("reset_time", "2024-01-15T10:30:00Z");
        return details;
    }

    private static Header retryAfter() {
        return header("Seconds to wait before retrying", new IntegerSchema().minimum(java.math.BigDecimal.ZERO));
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static ApiSurface surface(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), RequestMapping.class);
        String path = mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
        return ApiSurface.ofPath(path);
    }

    private static boolean isPost(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        return mapping != null && List.of(mapping.method()).contains(RequestMethod.POST);
    }

    /** A plain schema, not an {@code ObjectSchema}: that one turns a map example into its toString(). */
    private static Schema<Object> stringMap() {
        return new Schema<>().type("object").additionalProperties(new StringSchema());
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("about:blank").description("Problem type URI; absent means about:blank"));
        properties.put("title", new StringSchema().example("Bad Request"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema().example("Validation failed"));
        properties.put("instance", new StringSchema().example("/backend/followup/configs").description("The request path"));
        properties.put("errors", stringMap()
                .description("Message per offending field, keyed by JSON path; absent when no field is to blame")
                .example(Map.of("assistant_id", "assistant_id is required")));
        return new ObjectSchema().description("RFC 9457 problem details (application/problem+json)")
                .properties(properties).required(List.of("title", "status", "detail"));
    }

    private static Schema<?> externalErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("error", new BooleanSchema().example(true).description("Always true on errors"));
        properties.put("message", new StringSchema().example("Validation failed"));
        properties.put("code", new IntegerSchema().example(400).description("The HTTP status"));
        properties.put("details", stringMap()
                .description("Message per offending field; empty when no field is to blame; absent on 401 and 403, "
                        + "as GetBill's bodies of those have none")
                .example(Map.of("debt_id", "Debt ID is required", "type", "Invalid followup type. Valid types are: "
                        + "call, sms, email, whatsapp, voicemail, manual_call, physical, postmail")));
        return new ObjectSchema().description("External API error envelope (GetBill's: https://docs.getbill.io/errors)")
                .properties(properties).required(List.of("error", "message", "code"));
    }

    /** GetBill's 429 (https://docs.getbill.io/rate-limits): the envelope with numbers and a time in {@code details}. */
    private static Schema<?> rateLimitErrorSchema() {
        Map<String, Schema> details = new LinkedHashMap<>();
        details.put("retry_after", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE)
                .description("Seconds to wait before the next request of this budget is allowed (as Retry-After)"));
        details.put("limit", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE)
                .description("The limit that was exceeded: requests per window of the budget the request counted against"));
        details.put("reset_time", new StringSchema().format("date-time")
                .description("When the whole budget is back, ISO 8601 in UTC (the time X-RateLimit-Reset gives in Unix seconds)"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("error", new BooleanSchema().description("Always true on errors"));
        properties.put("message", new StringSchema().description("Always \"Rate limit exceeded. Please try again later.\""));
        properties.put("code", new IntegerSchema().description("429"));
        properties.put("details", new ObjectSchema().properties(details).required(List.of("retry_after", "limit", "reset_time")));
        return new ObjectSchema().description("External API answer to a request over its client's rate limit")
                .properties(properties).required(List.of("error", "message", "code", "details"));
    }
}
