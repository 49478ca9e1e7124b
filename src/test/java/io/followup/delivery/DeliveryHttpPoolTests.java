package io.followup.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbound connection pool: as many connections per host as twice the sends one provider may have in flight,
 * and a request finding none free waits about a connect timeout, then fails as retryable (the job tries again later),
 * instead of the HTTP client's own three minutes holding a worker.
 */
class DeliveryHttpPoolTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aRequestFindingThePoolFullFailsAsRetryableWhileTheOthersGoThrough() throws Exception {
        DeliverySettings base = DeliveryStubs.settings(stub.baseUrl(), Duration.ofSeconds(10), Duration.ofMinutes(10));
        // One send in flight per provider: two connections to the stub's host.
        DeliverySettings settings = new DeliverySettings(base.connectTimeout(), base.readTimeout(), base.assistant(),
                base.gupshup(), base.meta(), 1);
        DeliveryHttp http = new DeliveryHttp(RestClient.builder(), settings, Clock.systemUTC());
        stub.stubFor(post("/slow").willReturn(okJson("{}").withFixedDelay(4_000)));
        stub.stubFor(post("/fast").willReturn(okJson("{}")));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<DeliveryHttp.Reply> first = CompletableFuture.supplyAsync(() -> call(http, "/slow"), threads);
            CompletableFuture<DeliveryHttp.Reply> second = CompletableFuture.supplyAsync(() -> call(http, "/slow"), threads);
            await().atMost(Duration.ofSeconds(5)).until(() -> stub.findAll(postRequestedFor(urlEqualTo("/slow"))).size() == 2);

            assertThatThrownBy(() -> call(http, "/fast"))
                    .isInstanceOfSatisfying(DeliveryException.class, ex -> assertThat(ex.isRetryable()).isTrue())
                    .hasMessage("Stub could not be reached: no connection to it came free in time (too many sends in flight)");
            assertThat(stub.findAll(postRequestedFor(urlEqualTo("/fast")))).isEmpty();

            assertThat(first.get().status()).isEqualTo(200);
            assertThat(second.get().status()).isEqualTo(200);
            assertThat(call(http, "/fast").status()).isEqualTo(200); // connections back in the pool
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static DeliveryHttp.Reply call(DeliveryHttp http, String path) {
        return http.execute("Stub", http.client().post().uri(stub.baseUrl() + path).body(new byte[0]));
    }
}
