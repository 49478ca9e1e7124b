package io.followup;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service. Scheduling is on everywhere: each scheduled task checks whether it has work on this instance. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FollowupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }

    /**
     * The one source of "now", so schedules and timestamps are testable without sleeping. It ticks in
     * microseconds, as PostgreSQL timestamps do, so an instant read back from the database equals the
     * one written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
