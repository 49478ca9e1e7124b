package io.followup.job;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the @Scheduled poll loop, lease check and retention, unless followup.jobs.enabled=false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "followup.jobs.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
