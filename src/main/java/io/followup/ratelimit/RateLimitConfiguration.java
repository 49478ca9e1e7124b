package io.followup.ratelimit;

import java.time.Clock;

import javax.sql.DataSource;

import io.followup.web.ApiErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RateLimiter rateLimiter(RateLimitSettings settings, DataSource dataSource, Clock clock) {
        log.info("External API rate limit per client: {} reads and {} writes per {}, {} client(s) with their own, kept in {}",
                settings.reads(), settings.writes(), settings.period(), settings.clients().size(), settings.store());
        return settings.store() == RateLimitSettings.Store.LOCAL ? new LocalRateLimiter(settings, clock)
                : new PostgresRateLimiter(settings, dataSource, clock);
    }

    @Bean
    RateLimitCleanup rateLimitCleanup(RateLimiter limiter, RateLimitSettings settings) {
        return new RateLimitCleanup(limiter, settings);
    }

    /** A customizer rather than a filter bean: a filter bean would also run a second time, outside the chain. */
    @Bean
    Customizer<HttpSecurity> rateLimitFilter(RateLimiter limiter, ApiErrors errors, MeterRegistry meters, Clock clock) {
        Counter refused = Counter.builder("followup.api.rate_limited")
                .description("External API requests refused with 429 by the per-client rate limit")
                .register(meters);
        Counter unknown = Counter.builder("followup.api.rate_limit_unavailable")
                .description("External API requests refused with 503 because their client's budget could not be read")
                .register(meters);
        RateLimitFilter filter = new RateLimitFilter(limiter, errors, refused, unknown, clock);
        return http -> http.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
    }
}
