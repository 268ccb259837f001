package ai.aimass.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services and the console in this JVM, each as its own Spring application
 * with its own configuration file and port, as they would run in separate pods.
 * <p>
 * Settings are passed as command-line arguments because those outrank each service's own
 * properties file.
 */
final class ServiceLauncher implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    ConfigurableApplicationContext start(String name, Supplier<SpringApplicationBuilder> builder,
            Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        new TreeMap<>(settings).forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = builder.get().run(args.toArray(String[]::new));
        this.started.add(context);
        return context;
    }

    @Override
    public void close() {
        // Stop in reverse order, so that the worker releases its leases while the API
        // still runs.
        for (int i = this.started.size() - 1; i >= 0; i--) {
            this.started.get(i).close();
        }
        this.started.clear();
    }

}
