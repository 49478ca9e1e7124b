package io.followup.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test context shares. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    ProviderEventsCapture providerEventsCapture() {
        return new ProviderEventsCapture();
    }
}
