package ai.aimass.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import ai.aimass.standalone.demo.DemoClient;
import ai.aimass.standalone.demo.DemoReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job end to end, as the README runs it: embedded PostgreSQL, the three services
 * on their own ports, and the demo client over real HTTP; then a second run on the same
 * data.
 */
class StandaloneDemoTests {

    @TempDir
    Path dataDirectory;

    @Test
    void federatedModelMatchesPooledBaselineAndSecondRunPublishesIdenticalVersionTwo() throws Exception {
        DemoReport first = runDemo();

        assertThat(first.federatedVersion()).isEqualTo(1);
        assertThat(first.federatedAccuracyNamed()).isGreaterThanOrEqualTo(0.94);
        assertThat(first.federatedAccuracyOpenInference()).isEqualTo(first.federatedAccuracyNamed());
        assertThat(Math.abs(first.federatedAccuracyNamed() - first.pooledAccuracy())).isLessThanOrEqualTo(0.02);
        assertThat(first.federatedWeightsSha256()).hasSize(64);
        assertThat(first.apiKey()).startsWith("am_");

        DemoReport second = runDemo();

        assertThat(second.datasetIds()).isEqualTo(first.datasetIds());
        assertThat(second.federatedVersion()).isEqualTo(2);
        assertThat(second.pooledVersion()).isEqualTo(2);
        assertThat(second.federatedWeightsSha256()).isEqualTo(first.federatedWeightsSha256());
        assertThat(second.federatedAccuracyNamed()).isEqualTo(first.federatedAccuracyNamed());
        assertThat(Files.getPosixFilePermissions(this.dataDirectory.resolve("admin-password")))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private DemoReport runDemo() throws IOException {
        StandaloneOptions options = new StandaloneOptions(this.dataDirectory, null, freePort(), freePort(), freePort(),
                freePort(), freePort(), true, true, 20);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (StandaloneApplication application = new StandaloneApplication(options)) {
            application.start();
            DemoReport report = new DemoClient(application.endpoints(), this.dataDirectory, options.rounds(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("round 20/20", "held-out accuracy", "curl -s");
            return report;
        }
        finally {
            System.out.print(printed.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
