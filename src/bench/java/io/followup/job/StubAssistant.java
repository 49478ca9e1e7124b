package io.followup.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The assistant service as the bench needs it: answers every signed webhook on loopback after a fixed delay (the
 * time a language model takes to write the message), with a message ID, on a thread per request so the stub is
 * never the cap. Requests without a signature are refused, so a count of answers is a count of real sends.
 */
final class StubAssistant implements AutoCloseable {

    static final String PATH = "/followups/messages";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile long delayMillis;

    private StubAssistant(HttpServer server) {
        this.server = server;
    }

    static StubAssistant start() throws IOException {
        // The JDK server closes idle connections beyond 200 by default, which a client reusing them sees as a failed send.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
        StubAssistant stub = new StubAssistant(server);
        server.createContext(PATH, stub::answer);
        server.setExecutor(stub.threads);
        server.start();
        return stub;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every later request is answered after this long. */
    void delay(long millis) {
        delayMillis = millis;
    }

    int answered() {
        return answered.get();
    }

    int refused() {
        return refused.get();
    }

    /** Most requests open at once since the last call. */
    int takePeakInFlight() {
        return peakInFlight.getAndSet(inFlight.get());
    }

    private void answer(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            if (exchange.getRequestHeaders().getFirst("X-Followup-Signature") == null) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            sleep(delayMillis);
            byte[] reply = ("{\"message_id\":\"stub-" + answered.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
        finally {
            inFlight.decrementAndGet();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
