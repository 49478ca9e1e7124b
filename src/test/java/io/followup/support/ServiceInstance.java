package io.followup.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.followup.FollowupServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of the whole service inside the test JVM, on its own random port and with its own
 * pool and poller: several of them on one database behave as instances on several machines would.
 */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(port());
    }

    public static ServiceInstance start(Map<String, String> properties) {
        // As arguments: they must win over application.yml, as they do for a process started with them.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FollowupServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        return new ServiceInstance(context);
    }

    public ApiClient api() {
        return api;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
