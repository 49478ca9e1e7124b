package io.followup.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on localhost for tests: each test takes a path of its own, tells it how to answer (status codes in
 * turn, a delay) and reads what it received. Its signature checks are written from the receivers' documentation, not
 * from the service's code.
 */
final class WebhookReceiver {

    private static WebhookReceiver instance;

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    record Answer(int status, Duration delay) {
    }

    /** One request as it arrived: the exact body bytes and the headers. */
    record Received(Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    static synchronized WebhookReceiver get() {
        if (instance == null) {
            try {
                instance = new WebhookReceiver();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return instance;
    }

    /** A new path answering 200 unless told otherwise; its URL. */
    String newUrl() {
        String path = "/hooks/" + UUID.randomUUID();
        received.put(path, new CopyOnWriteArrayList<>());
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code url} get these answers in turn; after them, 200 at once. */
    void answer(String url, Answer... next) {
        answers.computeIfAbsent(path(url), p -> new ArrayDeque<>()).addAll(List.of(next));
    }

    List<Received> received(String url) {
        return List.copyOf(received.getOrDefault(path(url), List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(exchange.getRequestHeaders(), body));
        Deque<Answer> queue = answers.get(path);
        Answer answer;
        synchronized (this) {
            answer = queue == null ? null : queue.poll();
        }
        if (answer != null && !answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), -1);
        exchange.close();
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    /** GetBill's documented check: X-GetBill-Signature is the hex HMAC-SHA256 of the raw body with the webhook secret. */
    static boolean getBillSignatureValid(String signature, String secret, byte[] rawBody) {
        return signature != null && signature.equals(hexHmac(secret, rawBody));
    }

    /** The assistant webhook's check: sha256= and the hex HMAC-SHA256 of timestamp + "." + raw body. */
    static boolean followupSignatureValid(String signature, String timestamp, String secret, byte[] rawBody) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(rawBody, 0, signed, prefix.length, rawBody.length);
        return signature != null && timestamp != null && signature.equals("sha256=" + hexHmac(secret, signed));
    }

    private static String hexHmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
