package io.followup.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Property names and defaults, as the README's configuration table lists them. */
class DeliverySettingsTests {

    @Test
    void defaultsAreTheDocumentedOnesAndTheAssistantHasNone() {
        DeliverySettings settings = bind(Map.of());

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.assistant().url()).as("no built-in assistant address").isNull();
        assertThat(settings.assistant().secret()).as("no built-in signing key").isNull();
        assertThat(settings.gupshup().baseUrl()).isEqualTo(URI.create("https://api.gupshup.io"));
        assertThat(settings.gupshup().apps()).isEmpty();
        assertThat(settings.gupshup().templateCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.meta().baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(settings.meta().apiVersion()).as("a Graph API version Meta still serves").isEqualTo("v25.0");
        assertThat(settings.meta().accessToken()).isNull();
        assertThat(settings.meta().channels()).isEmpty();
    }

    @Test
    void bindsProvidersKeyedByAppAndChannel() {
        DeliverySettings settings = bind(Map.of(
                "followup.delivery.read-timeout", "3s",
                "followup.delivery.assistant.url", "https://assistant.internal/followups/messages",
                "followup.delivery.assistant.secret", "s3cret",
                "followup.delivery.gupshup.apps.app-1.api-key", "k1",
                "followup.delivery.gupshup.apps.app-1.source", "5511900000000",
                "followup.delivery.gupshup.apps.app-1.app-name", "AcmeBot",
                "followup.delivery.gupshup.template-cache-ttl", "1m",
                "followup.delivery.meta.access-token", "EAAG",
                "followup.delivery.meta.channels.chan-1.phone-number-id", "1065"));

        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.assistant().secret()).isEqualTo("s3cret");
        assertThat(settings.gupshup().apps()).containsOnlyKeys("app-1");
        assertThat(settings.gupshup().apps().get("app-1"))
                .isEqualTo(new DeliverySettings.GupshupApp("k1", "5511900000000", "AcmeBot"));
        assertThat(settings.gupshup().templateCacheTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.meta().accessToken()).isEqualTo("EAAG");
        assertThat(settings.meta().channels().get("chan-1").phoneNumberId()).isEqualTo("1065");
    }

    @Test
    void secretsStayOutOfToString() {
        DeliverySettings settings = bind(Map.of(
                "followup.delivery.assistant.secret", "assistant-secret-value",
                "followup.delivery.gupshup.apps.app-1.api-key", "gupshup-key-value",
                "followup.delivery.gupshup.apps.app-1.source", "5511900000000",
                "followup.delivery.gupshup.apps.app-1.app-name", "AcmeBot",
                "followup.delivery.meta.access-token", "meta-token-value"));

        assertThat(settings.toString())
                .contains("AcmeBot")
                .doesNotContain("assistant-secret-value", "gupshup-key-value", "meta-token-value");
    }

    private static DeliverySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("followup.delivery", DeliverySettings.class);
    }
}
