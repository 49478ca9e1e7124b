package io.followup.delivery;

import java.time.Clock;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The sender as Spring builds it: auto-configured RestClient.Builder, bound and validated settings. */
class DeliveryWiringTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(DeliveryConfiguration.class);

    @Test
    void theSenderIsABeanThatReachesTheConfiguredServices() {
        stub.stubFor(post("/v25.0/1065/messages").willReturn(okJson("{\"messages\":[{\"id\":\"wamid.1\"}]}")));

        context.withPropertyValues(
                        "followup.delivery.assistant.url=" + stub.baseUrl() + "/followups/messages",
                        "followup.delivery.assistant.secret=test-secret",
                        "followup.delivery.meta.base-url=" + stub.baseUrl(),
                        "followup.delivery.meta.access-token=token",
                        "followup.delivery.meta.channels.chan-1.phone-number-id=1065")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(StepSenders.class);
                    StepSenders senders = ctx.getBean(StepSenders.class);
                    String id = senders.send(DeliveryStubs.templateStep(senders.templateChannel("chan-1"),
                            "chan-1", null, "hello_world", List.of(), DeliveryStubs.lead()));
                    assertThat(id).isEqualTo("wamid.1");
                });
        stub.verify(1, postRequestedFor(urlEqualTo("/v25.0/1065/messages")));
    }

    @Test
    void theGraphApiVersionIsASettingOfItsOwn() {
        stub.stubFor(post("/v26.0/1065/messages").willReturn(okJson("{\"messages\":[{\"id\":\"wamid.2\"}]}")));

        context.withPropertyValues(
                        "followup.delivery.assistant.url=" + stub.baseUrl() + "/followups/messages",
                        "followup.delivery.assistant.secret=test-secret",
                        "followup.delivery.meta.base-url=" + stub.baseUrl(),
                        "followup.delivery.meta.api-version=v26.0",
                        "followup.delivery.meta.access-token=token",
                        "followup.delivery.meta.channels.chan-1.phone-number-id=1065")
                .run(ctx -> {
                    StepSenders senders = ctx.getBean(StepSenders.class);
                    assertThat(senders.send(DeliveryStubs.templateStep(senders.templateChannel("chan-1"),
                            "chan-1", null, "hello_world", List.of(), DeliveryStubs.lead()))).isEqualTo("wamid.2");
                });
        stub.verify(1, postRequestedFor(urlEqualTo("/v26.0/1065/messages")));
    }

    @Test
    void aBaseUrlThatStillNamesAVersionStopsStartup() {
        // The old form of the setting (https://graph.facebook.com/v21.0) would now give /v21.0/v25.0/...
        context.withPropertyValues("followup.delivery.assistant.url=http://assistant.internal/m", "followup.delivery.assistant.secret=s",
                        "followup.delivery.meta.base-url=https://graph.facebook.com/v21.0")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must not contain the Graph API version")
                        .hasMessageContaining("FOLLOWUP_DELIVERY_META_API_VERSION"));
    }

    @Test
    void aGupshupAppWithoutApiKeyStopsStartup() {
        context.withPropertyValues(
                        "followup.delivery.assistant.url=http://assistant.internal/m", "followup.delivery.assistant.secret=s",
                        "followup.delivery.gupshup.apps.app-1.source=5511900000000",
                        "followup.delivery.gupshup.apps.app-1.app-name=AcmeBot")
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("apiKey"));
    }

    @Test
    void aBlankAssistantSecretStopsStartup() {
        context.withPropertyValues("followup.delivery.assistant.url=http://assistant.internal/m", "followup.delivery.assistant.secret= ")
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("assistant.secret"));
    }

    @Test
    void productionRefusesToStartWithoutTheAssistantSecretAndAddress() {
        // No built-in development values: a deployment that forgets them must not sign with a well-known key.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(SettingsOnly.class)
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followup.delivery.assistant.secret (FOLLOWUP_DELIVERY_ASSISTANT_SECRET) must be set")
                        .hasMessageContaining("followup.delivery.assistant.url (FOLLOWUP_DELIVERY_ASSISTANT_URL) must be set"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliverySettings.class)
    static class SettingsOnly {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliverySettings.class)
    @Import({StepSenders.class, DeliveryHttp.class, AssistantWebhookSender.class, GupshupTemplateSender.class,
            MetaTemplateSender.class, ChannelFaults.class})
    static class DeliveryConfiguration {

        @Bean
        io.micrometer.core.instrument.MeterRegistry meters() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** No database in this context: the send rate is the one piece it leaves out (SendRateIntegrationTests has it). */
        @Bean
        SendRate sendRate(Clock clock) {
            return DeliveryStubs.unlimited(clock);
        }
    }
}
