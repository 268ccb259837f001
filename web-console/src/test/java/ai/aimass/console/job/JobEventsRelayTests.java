package ai.aimass.console.job;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.aimass.console.ConsoleProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a stand-in for platform-api on a loopback port, whose event streams
 * stay open until the test ends them.
 */
class JobEventsRelayTests {

    private final List<HttpExchange> streams = new CopyOnWriteArrayList<>();

    private final ExecutorService serverThreads = Executors.newCachedThreadPool();

    private HttpServer platformApi;

    private JobEventsRelay relay;

    @BeforeEach
    void start() throws IOException {
        this.platformApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.platformApi.setExecutor(this.serverThreads);
        this.platformApi.createContext("/api/v1/jobs/", (exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            this.streams.add(exchange);
        });
        this.platformApi.start();
        URI url = URI.create("http://127.0.0.1:" + this.platformApi.getAddress().getPort());
        this.relay = new JobEventsRelay(RestClient.builder(), new ConsoleProperties(url, null, null, null, 2));
    }

    @AfterEach
    void stop() {
        this.relay.stop();
        this.streams.forEach(HttpExchange::close);
        this.platformApi.stop(0);
        this.serverThreads.shutdownNow();
    }

    @Test
    void relaysAtMostTheConfiguredStreamsAndFreesAPlaceWhenAStreamEnds() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID turnedAway = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        this.relay.relay(first, "token");
        this.relay.relay(second, "token");
        await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.size() == 2);
        assertThat(this.relay.activeRelays()).isEqualTo(2);

        this.relay.relay(turnedAway, "token");
        assertThat(this.relay.activeRelays()).isEqualTo(2);

        this.streams.get(0).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.activeRelays() == 1);
        this.relay.relay(later, "token");
        await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.size() == 3);
        // The stream turned away never reached platform-api.
        assertThat(this.streams).extracting((exchange) -> exchange.getRequestURI().getPath())
            .containsExactlyInAnyOrder("/api/v1/jobs/" + first + "/events", "/api/v1/jobs/" + second + "/events",
                    "/api/v1/jobs/" + later + "/events");
        assertThat(this.relay.activeRelays()).isEqualTo(2);
    }

    @Test
    void refusesASettingOfNoStreams() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> new ConsoleProperties(null, null, null, null, 0))
            .withMessage("aimass.console.max-event-streams: expected at least 1, found 0");
    }

}
