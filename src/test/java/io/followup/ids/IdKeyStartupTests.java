package io.followup.ids;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The service must not start without an ID key: made-up keys would change every public ID. */
class IdKeyStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(IdsOnly.class);

    @Test
    void refusesToStartWithoutAKey() {
        runner.run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("followup.ids.key (FOLLOWUP_IDS_KEY) must be set"));
    }

    @Test
    void refusesToStartWithAShortKey() {
        runner.withPropertyValues("followup.ids.key=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("64 bytes"));
    }

    @Test
    void startsWithAGoodKey() {
        runner.withPropertyValues("followup.ids.key=" + PublicIdsTests.randomKey())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PublicIds.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdSettings.class)
    @Import(PublicIds.class)
    static class IdsOnly {
    }
}
