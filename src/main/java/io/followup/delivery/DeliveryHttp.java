package io.followup.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.followup.text.ColumnText;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one outbound request and turns its outcome into a reply or a {@link DeliveryException}, the same way
 * for the assistant service and every provider: 2xx is a reply; 408, 429, 5xx, timeouts and connection
 * failures are retryable (after the wait of Retry-After or Gupshup's {@value #GUPSHUP_RETRY_AFTER}); any other
 * status is permanent.
 */
@Component
final class DeliveryHttp {

    /** Larger answers are cut here: the senders need an ID or an error excerpt, never megabytes. */
    private static final int MAX_BODY_BYTES = 256 * 1024;
    private static final int EXCERPT_CHARS = 200;
    /** Hosts the senders call: the assistant service, Meta, Gupshup (sends and template lists), with room for one more. */
    private static final int PROVIDERS = 4;

    private final RestClient client;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryHttp(RestClient.Builder restClientBuilder, DeliverySettings settings, Clock clock) {
        // A connection per send in flight to one provider (the bulkhead's bound), for each of the few providers, twice
        // over per host, as two of them may share one (Gupshup's sends and template lists; every stub in tests). A
        // request finding the pool empty anyway waits no longer than a connect would, then fails as retryable,
        // rather than the client's own three minutes.
        int perProvider = settings.maxConcurrentPerProvider();
        Timeout poolWait = Timeout.of(settings.connectTimeout());
        this.client = restClientBuilder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.httpComponents()
                        // Retries are the job engine's (attempts, backoff, Retry-After), never the client's own; and
                        // answers are read as sent, without asking for compression.
                        .withHttpClientCustomizer(http -> http.disableAutomaticRetries().disableContentCompression())
                        .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(perProvider * 2)
                                .setMaxConnTotal(perProvider * PROVIDERS))
                        .withDefaultRequestConfigCustomizer(request -> request.setConnectionRequestTimeout(poolWait))
                        .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout())))
                .build();
        // Our own mapper: wire formats must not change with the application's Jackson settings.
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    /** {@code path} under a configured base URL, whether or not the base ends with a slash. */
    static String url(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    RestClient client() {
        return client;
    }

    JsonMapper json() {
        return json;
    }

    /** A 2xx answer. */
    record Reply(int status, byte[] body) {

        /** The body as JSON, or a missing node when it is empty or not JSON. */
        JsonNode json(JsonMapper mapper) {
            return readJson(mapper, body);
        }
    }

    /** A body as JSON, or a missing node when it is empty or not JSON: for answers and error bodies alike. */
    static JsonNode readJson(JsonMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            return mapper.missingNode();
        }
    }

    private record Raw(int status, String retryAfter, byte[] body) {
    }

    /**
     * Sends the request.
     *
     * @param target who is called, for messages ("Assistant service", "Gupshup", ...)
     * @throws DeliveryException for anything but a 2xx answer
     */
    Reply execute(String target, RestClient.RequestHeadersSpec<?> request) {
        return execute(target, request, BY_STATUS);
    }

    private static final FailureReading BY_STATUS = (status, body, detail, retryAfter) -> byStatus(status, detail, retryAfter);

    /** How a provider's failure answer is read, for providers that say more in the body than in the status. */
    @FunctionalInterface
    interface FailureReading {
        DeliveryException classify(int status, byte[] body, String detail, Duration retryAfter);
    }

    /** The rule of a provider that speaks by status: 408, 429 and 5xx are retryable, any other status permanent. */
    static DeliveryException byStatus(int status, String detail, Duration retryAfter) {
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryException.retryable(detail, retryAfter, null);
        }
        return DeliveryException.permanent(detail);
    }

    /** Sends the request; a failure answer is read by {@code failures}. */
    Reply execute(String target, RestClient.RequestHeadersSpec<?> request, FailureReading failures) {
        Raw raw;
        try {
            raw = request.exchangeForRequiredValue((req, res) -> new Raw(
                    res.getStatusCode().value(), retryAfterHeader(res.getHeaders()), read(res.getBody())), true);
        } catch (ResourceAccessException e) {
            throw DeliveryException.retryable(target + " could not be reached: " + reason(e), null, e);
        } catch (RestClientException e) {
            throw DeliveryException.retryable(target + " call failed: " + reason(e), null, e);
        }
        int status = raw.status();
        if (status >= 200 && status < 300) {
            return new Reply(status, raw.body());
        }
        String detail = target + " answered HTTP " + status + excerpt(raw.body());
        throw failures.classify(status, raw.body(), detail, retryAfter(raw.retryAfter()));
    }

    /**
     * Gupshup's own header, {@value #GUPSHUP_RETRY_AFTER} (seconds), where its 429s carry the wait
     * (https://partner-docs.gupshup.io/reference/gettemplatespaginated); the standard Retry-After first where both are
     * sent. Read for every target: no other one sends it, and a wait a server names is never wrong to honour.
     */
    static final String GUPSHUP_RETRY_AFTER = "X-Rate-Limit-Retry-After-Seconds";

    private static String retryAfterHeader(HttpHeaders headers) {
        String standard = headers.getFirst(HttpHeaders.RETRY_AFTER);
        return standard != null && !standard.isBlank() ? standard : headers.getFirst(GUPSHUP_RETRY_AFTER);
    }

    /** Reads a string field, or null when it is absent or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** Retry-After as delta-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A short, single-line start of the body, safe for an error column and a log line. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}\\s]+", " ")
                .strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + ColumnText.fit(text, EXCERPT_CHARS);
    }

    private static byte[] read(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            return body.readNBytes(MAX_BODY_BYTES);
        }
    }

    /** Names what went wrong without echoing URLs or payloads. */
    private static String reason(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionRequestTimeoutException) {
                return "no connection to it came free in time (too many sends in flight)";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused or failed";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
