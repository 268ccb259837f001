package ai.aimass.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is and what version the build gives its artifacts. */
final class Repository {

    private Repository() {
    }

    /** The repository root, from the system property that Surefire sets. */
    static Path root() {
        String root = System.getProperty("aimass.repository.root", "..");
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml"))) {
            throw new IllegalStateException("Expected the repository root at " + path + ", found no pom.xml there");
        }
        return path;
    }

    /** The project version, as in every module's pom. */
    static String version() {
        return System.getProperty("aimass.version", "0.1.0-SNAPSHOT");
    }

}
