package io.followup.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link JobSettings} with the production defaults, changed one knob at a time: the knobs are the
 * {@code followup.jobs.*} properties, bound by Spring's {@link Binder} as in production, so the defaults
 * are {@link JobSettings}' own. A property that does not exist fails the test.
 */
final class TestJobSettings {

    private static final String PREFIX = "followup.jobs";

    private final Map<String, Object> overrides = new HashMap<>();

    static TestJobSettings defaults() {
        return new TestJobSettings();
    }

    /** Sets {@code followup.jobs.<property>}, e.g. {@code with("batch-size", 20)}. */
    TestJobSettings with(String property, Object value) {
        overrides.put(PREFIX + "." + property, value);
        return this;
    }

    TestJobSettings backoff(Duration initial, double multiplier, Duration max, Duration jitter) {
        return with("backoff-initial", initial).with("backoff-multiplier", multiplier).with("backoff-max", max)
                .with("backoff-jitter", jitter);
    }

    JobSettings build() {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate(PREFIX, Bindable.of(JobSettings.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
    }
}
