package io.followup.delivery;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The send-rate settings as the README's configuration table lists them, bound and validated as at startup. */
class SendRateSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SettingsOnly.class);

    @Test
    void onByDefaultAtMetasDefaultThroughput() {
        context.run(ctx -> {
            SendRateSettings settings = ctx.getBean(SendRateSettings.class);
            assertThat(settings.enabled()).isTrue();
            assertThat(settings.defaultPerSecond()).isEqualTo(80);
            assertThat(settings.numbers()).isEmpty();
            assertThat(settings.perSecond("106540352242922")).isEqualTo(80);
        });
    }

    @Test
    void aNumberMayHaveItsOwnRate() {
        context.withPropertyValues("followup.delivery.send-rate.default-per-second=50",
                        "followup.delivery.send-rate.numbers.106540352242922=1000",
                        "followup.delivery.send-rate.numbers.5511900000000=20")
                .run(ctx -> {
                    SendRateSettings settings = ctx.getBean(SendRateSettings.class);
                    assertThat(settings.numbers()).isEqualTo(Map.of("106540352242922", 1000, "5511900000000", 20));
                    assertThat(settings.perSecond("5511900000000")).isEqualTo(20);
                    assertThat(settings.perSecond("other")).isEqualTo(50);
                });
    }

    @Test
    void aRateOfNothingOrAbsurdlyMuchStopsStartup() {
        context.withPropertyValues("followup.delivery.send-rate.default-per-second=0")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("defaultPerSecond"));
        context.withPropertyValues("followup.delivery.send-rate.numbers.1065=100000")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("numbers[1065]"));
    }

    /**
     * The README's environment variables bind as the properties do. Not the per-number rates: an environment variable
     * turns a numeric segment into a list index, so those are set as properties (application.yml, SPRING_APPLICATION_JSON).
     */
    @Test
    void environmentVariablesAsTheReadmeNamesThem() {
        org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().replace(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new org.springframework.core.env.SystemEnvironmentPropertySource(
                org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("FOLLOWUP_DELIVERY_SEND_RATE_ENABLED", "false",
                        "FOLLOWUP_DELIVERY_SEND_RATE_DEFAULT_PER_SECOND", "40")));

        SendRateSettings settings = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate("followup.delivery.send-rate", SendRateSettings.class);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.defaultPerSecond()).isEqualTo(40);
    }

    /** The README's way of setting a number's own rate in a deployment configured by environment. */
    @Test
    void aNumbersOwnRateFromSpringApplicationJson() {
        org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("json", Map.of(
                "spring.application.json", "{\"followup.delivery.send-rate.numbers\":{\"106540352242922\":1000}}")));
        new org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor()
                .postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());

        SendRateSettings settings = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate("followup.delivery.send-rate", SendRateSettings.class);

        assertThat(settings.perSecond("106540352242922")).isEqualTo(1000);
        assertThat(settings.perSecond("5511900000000")).isEqualTo(80);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SendRateSettings.class)
    static class SettingsOnly {
    }
}
