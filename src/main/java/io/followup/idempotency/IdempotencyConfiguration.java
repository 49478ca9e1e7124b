package io.followup.idempotency;

import java.time.Clock;

import io.followup.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** Puts the idempotency filter last in the security chain (only authorized requests claim keys), and schedules the clean-up. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    Customizer<HttpSecurity> idempotencyFilter(IdempotencyStore store, IdempotencySettings settings, ApiErrors errors,
            Clock clock) {
        IdempotencyFilter filter = new IdempotencyFilter(store, settings, errors, clock);
        return http -> http.addFilterAfter(filter, AuthorizationFilter.class);
    }

    /** Expired keys are deleted on every instance, timed by the settings rather than an annotation's default. */
    @Bean
    SchedulingConfigurer idempotencyCleanupSchedule(IdempotencyCleanup cleanup, IdempotencySettings settings) {
        return tasks -> tasks.addFixedDelayTask(
                new FixedDelayTask(cleanup::deleteExpired, settings.cleanupInterval(), settings.cleanupInterval()));
    }
}
