package io.followup.ratelimit;

import java.time.Clock;

import io.followup.web.ApiErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/** Puts the rate limit into the security filter chain, unless {@code followup.api.rate-limit.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "followup.api.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitSettings settings, Clock clock) {
        return new LocalRateLimiter(settings, clock);
    }

    /** A customizer rather than a filter bean: a filter bean would also run a second time, outside the chain. */
    @Bean
    Customizer<HttpSecurity> rateLimitFilter(RateLimiter limiter, ApiErrors errors, MeterRegistry meters, Clock clock) {
        Counter refused = Counter.builder("followup.api.rate_limited")
                .description("External API requests refused with 429 by the per-client rate limit")
                .register(meters);
        RateLimitFilter filter = new RateLimitFilter(limiter, errors, refused, clock);
        return http -> http.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
    }
}
