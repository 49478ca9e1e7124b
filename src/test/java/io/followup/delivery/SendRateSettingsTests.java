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

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SendRateSettings.class)
    static class SettingsOnly {
    }
}
