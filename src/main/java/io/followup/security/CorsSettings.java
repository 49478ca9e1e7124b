package io.followup.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser access (CORS) to both APIs. Off until origins are listed, so server-to-server callers see no change.
 *
 * @param allowedOrigins origins whose pages may call the APIs, exactly ({@code https://app.example.com}) or as
 *        patterns ({@code https://*.example.com}); empty: no CORS headers and preflights are refused as today
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("followup.api.cors")
record CorsSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") @NotNull Duration maxAge) {

    CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }

    boolean enabled() {
        return !allowedOrigins.isEmpty();
    }
}
