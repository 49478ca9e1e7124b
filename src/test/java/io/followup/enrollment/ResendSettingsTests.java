package io.followup.enrollment;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The re-send settings as the README's configuration table lists them, bound and validated as at startup. */
class ResendSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SettingsOnly.class);

    @Test
    void defaults() {
        context.run(ctx -> {
            ResendSettings settings = ctx.getBean(ResendSettings.class);
            assertThat(settings.max()).isEqualTo(5);
            assertThat(settings.backoffInitial()).isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.backoffMultiplier()).isEqualTo(2.0);
            assertThat(settings.backoffMax()).isEqualTo(Duration.ofMinutes(30));
            assertThat(settings.channelFaultWait()).isEqualTo(Duration.ofMinutes(10));
            assertThat(settings.recipientLimitWait()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void aNegativeCapOrAShrinkingBackoffStopsStartup() {
        context.withPropertyValues("followup.delivery.resend.max=-1")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("max"));
        context.withPropertyValues("followup.delivery.resend.backoff-multiplier=0.5")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("backoffMultiplier"));
    }

    @Test
    void environmentVariablesAsTheReadmeNamesThem() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "FOLLOWUP_DELIVERY_RESEND_MAX", "0", "FOLLOWUP_DELIVERY_RESEND_BACKOFF_INITIAL", "30s",
                        "FOLLOWUP_DELIVERY_RESEND_BACKOFF_MULTIPLIER", "3", "FOLLOWUP_DELIVERY_RESEND_BACKOFF_MAX", "2h",
                        "FOLLOWUP_DELIVERY_RESEND_CHANNEL_FAULT_WAIT", "5m", "FOLLOWUP_DELIVERY_RESEND_RECIPIENT_LIMIT_WAIT", "48h")));

        ResendSettings settings = Binder.get(environment).bindOrCreate("followup.delivery.resend", ResendSettings.class);

        assertThat(settings).isEqualTo(new ResendSettings(0, Duration.ofSeconds(30), 3.0, Duration.ofHours(2),
                Duration.ofMinutes(5), Duration.ofHours(48)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ResendSettings.class)
    static class SettingsOnly {
    }
}
