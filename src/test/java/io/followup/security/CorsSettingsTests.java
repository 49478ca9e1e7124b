package io.followup.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class CorsSettingsTests {

    @Test
    void offUntilOriginsAreListed() {
        CorsSettings defaults = bind(Map.of());
        CorsSettings blank = bind(Map.of("followup.api.cors.allowed-origins", " "));

        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(blank.enabled()).isFalse();
    }

    @Test
    void aCommaSeparatedListGivesEachOrigin() {
        CorsSettings settings = bind(Map.of("followup.api.cors.allowed-origins", "https://app.example.com, https://*.example.org"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.allowedOrigins()).containsExactly("https://app.example.com", "https://*.example.org");
    }

    private static CorsSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("followup.api.cors", CorsSettings.class);
    }
}
