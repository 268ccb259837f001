package ai.aimass.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import ai.aimass.api.PlatformApiApplication;
import ai.aimass.console.WebConsoleApplication;
import ai.aimass.inference.InferenceServiceApplication;
import ai.aimass.standalone.demo.DemoClient;
import ai.aimass.worker.TrainingWorkerApplication;

/**
 * The quick start: one JVM that runs an embedded PostgreSQL, platform-api,
 * training-worker, inference-service and the web console, then the demo client that
 * trains a federated model across three hospitals and serves it, all over HTTP.
 */
public final class StandaloneApplication implements AutoCloseable {

    private final StandaloneOptions options;

    private final ServiceLauncher services = new ServiceLauncher();

    private EmbeddedDatabase database;

    public StandaloneApplication(StandaloneOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(StandaloneOptions.USAGE);
            return;
        }
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        StandaloneApplication application = new StandaloneApplication(options);
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "aimass-shutdown"));
        String database = (options.databaseUrl() != null) ? "PostgreSQL at " + options.databaseUrl()
                : "embedded PostgreSQL";
        System.out.println("Starting AI Mass (" + database + ", platform-api, training-worker, inference-service, "
                + "web-console); data in " + options.dataDirectory());
        application.start();
        System.out.println("Services started; their logs are in " + options.dataDirectory().resolve("logs"));
        if (!options.runDemo()) {
            application.endpoints().describe().forEach(System.out::println);
        }
        if (options.runDemo()) {
            new DemoClient(application.endpoints(), options.dataDirectory(), options.rounds(), System.out).run();
        }
        if (!options.exitWhenDone()) {
            System.out.println("Serving until interrupted (Ctrl+C).");
            new CountDownLatch(1).await();
        }
        application.close();
        System.exit(0);
    }

    /**
     * Starts the database, the three services and the console; returns once all of them
     * are ready.
     */
    public void start() {
        Path dataDirectory = this.options.dataDirectory();
        Map<String, String> shared = new HashMap<>();
        if (this.options.databaseUrl() == null) {
            this.database = EmbeddedDatabase.start(dataDirectory.resolve("postgres"), this.options.databasePort());
            shared.put("spring.datasource.url", this.database.jdbcUrl());
            shared.put("spring.datasource.username", "postgres");
            shared.put("spring.datasource.password", "");
        }
        shared.put("aimass.artifacts.encryption-key",
                LocalSecrets.readOrCreate(dataDirectory.resolve("keys/artifact-key"), 32));
        shared.put("aimass.artifacts.key-id", "local-1");
        // The console is the demo's; the services log to a file beside the data, warnings
        // excepted.
        shared.put("logging.file.name", dataDirectory.resolve("logs/aimass.log").toString());
        shared.put("logging.threshold.console", "WARN");
        // The JVM has one logging system, which would label every line with the first
        // service's name.
        shared.put("logging.include-application-name", "false");
        shared.put("spring.main.banner-mode", "off");
        // One hook of ours stops the services in order (worker first, database last).
        shared.put("spring.main.register-shutdown-hook", "false");
        // springdoc is on the one classpath of all three; only platform-api should
        // publish OpenAPI.
        shared.put("springdoc.api-docs.enabled", "false");
        shared.put("springdoc.swagger-ui.enabled", "false");
        // Thymeleaf is on the class path for the console; the services have no templates.
        shared.put("spring.thymeleaf.check-template-location", "false");

        Map<String, String> api = new HashMap<>(shared);
        api.put("server.port", Integer.toString(this.options.apiPort()));
        api.put("aimass.security.signing-key-file", dataDirectory.resolve("keys/jwt-signing-key.pem").toString());
        api.put("aimass.security.admin-password-file", dataDirectory.resolve("admin-password").toString());
        api.put("springdoc.api-docs.enabled", "true");
        api.put("springdoc.swagger-ui.enabled", "true");
        this.services.start("platform-api", PlatformApiApplication::builder, api);

        Map<String, String> worker = new HashMap<>(shared);
        worker.put("server.port", Integer.toString(this.options.workerPort()));
        this.services.start("training-worker", TrainingWorkerApplication::builder, worker);

        Map<String, String> inference = new HashMap<>(shared);
        inference.put("server.port", Integer.toString(this.options.inferencePort()));
        inference.put("aimass.inference.jwks-uri", endpoints().apiUrl() + "/api/v1/auth/jwks");
        this.services.start("inference-service", InferenceServiceApplication::builder, inference);

        Map<String, String> console = new HashMap<>(shared);
        console.put("server.port", Integer.toString(this.options.consolePort()));
        console.put("aimass.console.platform-api-url", endpoints().apiUrl());
        console.put("aimass.console.inference-url", endpoints().inferenceUrl());
        this.services.start("web-console", WebConsoleApplication::builder, console);
    }

    /** Where the services listen. */
    public DemoClient.Endpoints endpoints() {
        return new DemoClient.Endpoints("http://localhost:" + this.options.apiPort(),
                "http://localhost:" + this.options.inferencePort(), "http://localhost:" + this.options.workerPort(),
                "http://localhost:" + this.options.consolePort());
    }

    @Override
    public synchronized void close() {
        this.services.close();
        if (this.database != null) {
            try {
                this.database.close();
            }
            catch (Exception ex) {
                System.err.println("The embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
            }
            this.database = null;
        }
    }

}
