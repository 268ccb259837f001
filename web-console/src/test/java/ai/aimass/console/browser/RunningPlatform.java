package ai.aimass.console.browser;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import ai.aimass.api.PlatformApiApplication;
import ai.aimass.console.WebConsoleApplication;
import ai.aimass.data.test.TestDatabase;
import ai.aimass.inference.InferenceServiceApplication;
import ai.aimass.worker.TrainingWorkerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in this JVM, as the standalone quick start runs it: platform-api,
 * training-worker and inference-service on the test PostgreSQL, and the console in front,
 * each its own Spring application on a random loopback port. Started once per test JVM.
 */
final class RunningPlatform {

    /** The password of the platform admin. */
    static final String ADMIN_PASSWORD = "browser-admin-password-1";

    private static RunningPlatform instance;

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private int apiPort;

    private int consolePort;

    private RunningPlatform() {
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            RunningPlatform platform = new RunningPlatform();
            platform.start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
            instance = platform;
        }
        return instance;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + this.apiPort;
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + this.consolePort;
    }

    private void start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> shared = new TreeMap<>();
        shared.put("server.address", "127.0.0.1");
        shared.put("server.port", "0");
        shared.put("spring.datasource.url", TestDatabase.jdbcUrl());
        shared.put("spring.datasource.username", TestDatabase.user());
        shared.put("spring.datasource.password", TestDatabase.password());
        shared.put("aimass.artifacts.encryption-key", Base64.getEncoder().encodeToString(key));
        shared.put("aimass.artifacts.key-id", "browser-tests");
        shared.put("spring.main.banner-mode", "off");
        shared.put("spring.main.register-shutdown-hook", "false");
        shared.put("springdoc.api-docs.enabled", "false");
        shared.put("springdoc.swagger-ui.enabled", "false");
        shared.put("logging.include-application-name", "false");

        Map<String, String> api = new TreeMap<>(shared);
        api.put("aimass.security.admin-password", ADMIN_PASSWORD);
        api.put("aimass.api.job-events.poll-interval", "200ms");
        this.apiPort = port(start(PlatformApiApplication::builder, api));

        Map<String, String> worker = new TreeMap<>(shared);
        worker.put("aimass.worker.poll-interval", "200ms");
        start(TrainingWorkerApplication::builder, worker);

        Map<String, String> inference = new TreeMap<>(shared);
        inference.put("aimass.inference.jwks-uri", apiUrl() + "/api/v1/auth/jwks");
        String inferenceUrl = "http://127.0.0.1:" + port(start(InferenceServiceApplication::builder, inference));

        Map<String, String> console = new TreeMap<>();
        console.put("server.address", "127.0.0.1");
        console.put("server.port", "0");
        console.put("spring.main.banner-mode", "off");
        console.put("spring.main.register-shutdown-hook", "false");
        console.put("aimass.console.platform-api-url", apiUrl());
        console.put("aimass.console.inference-url", inferenceUrl);
        this.consolePort = port(start(WebConsoleApplication::builder, console));
    }

    private ConfigurableApplicationContext start(Supplier<SpringApplicationBuilder> builder,
            Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = builder.get().run(args.toArray(String[]::new));
        this.started.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private synchronized void close() {
        for (int i = this.started.size() - 1; i >= 0; i--) {
            this.started.get(i).close();
        }
        this.started.clear();
    }

}
