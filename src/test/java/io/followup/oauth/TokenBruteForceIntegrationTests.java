package io.followup.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.followup.apiclients.ApiClients;
import io.followup.apiclients.IssuedClient;
import io.followup.support.ClientCredentials;
import io.followup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's brute-force limit with small budgets, in a context of its own: {@value #PER_CLIENT} requests an
 * hour per client ID and {@value #PER_ADDRESS} per address. The buckets live in the database every context shares, so
 * this test calls from loopback addresses of its own (127.x.y.z), never from the shared context's 127.0.0.1, whose
 * bucket would otherwise take these budgets (the last started context's configuration wins in Bucket4j).
 */
class TokenBruteForceIntegrationTests extends IntegrationTest {

    static final int PER_CLIENT = 3;
    static final int PER_ADDRESS = 8;
    private static final String GRANT = "grant_type=client_credentials";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Through IntegrationTest's hook: followup.oauth.token-requests.* set here would lose to the base class's. */
    @DynamicPropertySource
    static void smallTokenBudgets(DynamicPropertyRegistry registry) {
        registry.add(TOKEN_REQUESTS_PER_CLIENT, () -> PER_CLIENT);
        registry.add(TOKEN_REQUESTS_PER_ADDRESS, () -> PER_ADDRESS);
        registry.add("followup.oauth.token-requests.period", () -> "1h");
    }

    @LocalServerPort
    private int port;

    @Autowired
    private ApiClients clients;

    @Autowired
    private OAuthSettings settings;

    @Test
    void theSmallBudgetsAreThisContextsNotTheSharedOnes() {
        assertThat(settings.tokenRequests()).isEqualTo(new OAuthSettings.TokenRequests(PER_CLIENT, PER_ADDRESS, Duration.ofHours(1)));
    }

    @Test
    void aClientIdsBudgetThenTheAddressesBudgetRunOutAndRefusalsChangeNothing() {
        InetAddress address = freshLoopbackAddress();
        String company = "brute-" + UUID.randomUUID();
        IssuedClient guessed = clients.create(company, "guessed", Set.of("debts:read"));
        IssuedClient neighbour = clients.create(company, "neighbour", Set.of("debts:read"));
        IssuedClient third = clients.create(company, "third", Set.of("debts:read"));

        // the client ID's budget: a wrong guess counts, /oauth/token counts as /token
        assertThat(post(address, "/token", guessed.clientId(), "wrong-guess").status()).isEqualTo(401);
        assertThat(post(address, "/token", guessed.clientId(), guessed.clientSecret()).status()).isEqualTo(200);
        assertThat(post(address, "/oauth/token", guessed.clientId(), guessed.clientSecret()).status()).isEqualTo(200);
        Object usedAt = lastUsedAt(guessed);
        assertThat(usedAt).isNotNull();
        Answer spent = post(address, "/token", guessed.clientId(), guessed.clientSecret());
        assertTooMany(spent, "for this client", 3600 / PER_CLIENT);
        assertThat(lastUsedAt(guessed)).as("the refused request recorded nothing").isEqualTo(usedAt);
        assertTooMany(post(freshLoopbackAddress(), "/token", guessed.clientId(), guessed.clientSecret()), "for this client", 3600 / PER_CLIENT);

        // four of the address's eight are gone; another client of the same address spends the rest
        for (int request = 5; request <= 7; request++) {
            assertThat(post(address, "/token", neighbour.clientId(), neighbour.clientSecret()).status()).as("request " + request).isEqualTo(200);
        }
        assertThat(post(address, "/token", third.clientId(), third.clientSecret()).status()).as("request 8").isEqualTo(200);
        Object thirdUsedAt = lastUsedAt(third);
        Answer addressSpent = post(address, "/token", third.clientId(), third.clientSecret());
        assertTooMany(addressSpent, "from this address", 3600 / PER_ADDRESS);
        assertThat(lastUsedAt(third)).as("the refused request recorded nothing").isEqualTo(thirdUsedAt);

        IssuedClient newcomer = clients.create(company, "newcomer", Set.of("debts:read"));
        assertTooMany(post(address, "/token", newcomer.clientId(), newcomer.clientSecret()), "from this address", 3600 / PER_ADDRESS);
        assertThat(lastUsedAt(newcomer)).as("a client refused by its address got no token").isNull();
        assertThat(post(freshLoopbackAddress(), "/token", newcomer.clientId(), newcomer.clientSecret()).status())
                .as("the newcomer from another address: its own budget is whole").isEqualTo(200);
    }

    private void assertTooMany(Answer answer, String whose, long longestWait) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.header("content-type")).as(answer.toString()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.path("error").asString()).as(answer.toString()).isEqualTo("too_many_requests");
        long retryAfter = Long.parseLong(answer.header("retry-after"));
        assertThat(retryAfter).as(answer.toString()).isBetween(1L, longestWait);
        assertThat(body.path("error_description").asString()).as(answer.toString())
                .isEqualTo("Too many token requests " + whose + "; retry after " + retryAfter + " seconds");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    private Object lastUsedAt(IssuedClient client) {
        return jdbc.queryForObject("select last_used_at from api_client where client_id = ?", Object.class, client.clientId());
    }

    /** An address of 127.0.0.0/8 other than 127.0.0.1: Linux answers all of them on the loopback interface. */
    private static InetAddress freshLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] octets = {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)};
        try {
            return InetAddress.getByAddress(octets);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A token request over a socket bound to {@code from} (java.net.http cannot choose its source address on Java 17). */
    private Answer post(InetAddress from, String path, String clientId, String clientSecret) {
        byte[] body = GRANT.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\nAuthorization: "
                + ClientCredentials.basic(clientId, clientSecret) + "\r\nContent-Type: " + ClientCredentials.FORM
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** An HTTP/1.0 answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
