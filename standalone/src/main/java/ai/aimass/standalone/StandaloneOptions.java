package ai.aimass.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the quick start.
 *
 * @param dataDirectory where the embedded database, keys and passwords are kept between
 * runs
 * @param databaseUrl an external PostgreSQL to use instead of the embedded one, or null
 * @param apiPort port of platform-api
 * @param inferencePort port of inference-service
 * @param workerPort port of training-worker's health endpoint
 * @param consolePort port of the web console
 * @param databasePort port of the embedded PostgreSQL
 * @param runDemo whether to run the demo client once the services are up
 * @param exitWhenDone whether to stop everything after the demo instead of serving on
 * @param rounds federated rounds the demo asks for
 */
public record StandaloneOptions(Path dataDirectory, String databaseUrl, int apiPort, int inferencePort, int workerPort,
        int consolePort, int databasePort, boolean runDemo, boolean exitWhenDone, int rounds) {

    static final String USAGE = """
            Usage: java -jar standalone.jar [options]
              --data-dir=PATH        where data is kept between runs (default: $AIMASS_DATA_DIR or ./aimass-data)
              --api-port=N           platform-api port (default 8080)
              --inference-port=N     inference-service port (default 8081)
              --worker-port=N        training-worker health port (default 8082)
              --console-port=N       web console port (default 8083)
              --db-port=N            embedded PostgreSQL port (default 54329)
              --rounds=N             federated rounds of the demo job (default 20)
              --no-demo              start the services only
              --exit-when-done       stop after the demo instead of serving until interrupted
            Set AIMASS_DB_URL (and AIMASS_DB_USER, AIMASS_DB_PASSWORD) to use an external PostgreSQL.""";

    /** Parses the arguments, failing with a message that names the offending one. */
    public static StandaloneOptions parse(String[] args) {
        String envDir = System.getenv("AIMASS_DATA_DIR");
        Path dataDirectory = Path.of((envDir != null && !envDir.isBlank()) ? envDir : "aimass-data");
        String databaseUrl = System.getenv("AIMASS_DB_URL");
        int apiPort = 8080;
        int inferencePort = 8081;
        int workerPort = 8082;
        int consolePort = 8083;
        int databasePort = 54329;
        int rounds = 20;
        boolean runDemo = true;
        boolean exitWhenDone = false;
        List<String> unknown = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--api-port" -> apiPort = port(arg, value);
                case "--inference-port" -> inferencePort = port(arg, value);
                case "--worker-port" -> workerPort = port(arg, value);
                case "--console-port" -> consolePort = port(arg, value);
                case "--db-port" -> databasePort = port(arg, value);
                case "--rounds" -> rounds = positive(arg, value);
                case "--no-demo" -> runDemo = false;
                case "--exit-when-done" -> exitWhenDone = true;
                default -> unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option " + String.join(", ", unknown) + "\n" + USAGE);
        }
        return new StandaloneOptions(dataDirectory.toAbsolutePath().normalize(),
                (databaseUrl != null && !databaseUrl.isBlank()) ? databaseUrl : null, apiPort, inferencePort,
                workerPort, consolePort, databasePort, runDemo, exitWhenDone, rounds);
    }

    private static int port(String arg, String value) {
        int port = positive(arg, value);
        if (port > 65535) {
            throw new IllegalArgumentException(arg + ": expected a port from 1 to 65535, found " + value);
        }
        return port;
    }

    private static int positive(String arg, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(arg + ": expected a positive integer, found \"" + value + "\"");
    }

}
