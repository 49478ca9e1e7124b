package io.followup.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One local stub HTTP server per test run standing in for the assistant service and the WhatsApp
 * providers (under {@code /followups/messages}, {@code /gupshup/...}, {@code /meta/...}). Never the internet.
 */
public final class StubServers {

    private static WireMockServer server;

    private StubServers() {
    }

    public static synchronized WireMockServer assistant() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}
