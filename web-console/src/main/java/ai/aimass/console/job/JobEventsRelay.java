package ai.aimass.console.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import ai.aimass.console.ConsoleProperties;
import ai.aimass.console.platform.PlatformClients;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Passes a job's server-sent events from platform-api on to the browser.
 * <p>
 * The browser cannot call platform-api itself, as it never holds the user's token; the
 * console opens the stream with the token and relays each {@code status} and
 * {@code round} event as it comes. When platform-api ends the stream (the job ended, or
 * the stream grew old) the browser's stream ends too; the page then either stops (the job
 * ended) or reconnects and is sent the job's state again.
 * <p>
 * At most {@code aimass.console.max-event-streams} relays run at once, each on a thread
 * of its own for as long as its stream is open. A browser that asks for one more is told
 * to try again in {@value #BUSY_RETRY_MILLIS} ms, which its EventSource does by itself;
 * the page says it is reconnecting meanwhile.
 */
@Component
class JobEventsRelay {

    private static final Logger log = LoggerFactory.getLogger(JobEventsRelay.class);

    /** Longer than platform-api's own limit, so that platform-api ends a stream first. */
    private static final Duration BROWSER_STREAM_TIMEOUT = Duration.ofMinutes(35);

    /** How long a browser turned away waits before it asks again. */
    static final long BUSY_RETRY_MILLIS = 30_000;

    private final RestClient streamingApi;

    private final int maxRelays;

    private final Semaphore openRelays;

    private final ExecutorService relays = Executors.newCachedThreadPool((task) -> {
        Thread thread = new Thread(task, "job-events-relay");
        thread.setDaemon(true);
        return thread;
    });

    JobEventsRelay(RestClient.Builder builder, ConsoleProperties properties) {
        this.streamingApi = builder.clone()
            .baseUrl(properties.platformApiUrl().toString())
            .requestFactory(PlatformClients.streamingRequestFactory(properties))
            .build();
        this.maxRelays = properties.maxEventStreams();
        this.openRelays = new Semaphore(this.maxRelays);
    }

    /**
     * Opens the relay of one job's events.
     * @param jobId the job
     * @param token the user's access token
     * @return the browser's stream
     */
    SseEmitter relay(UUID jobId, String token) {
        if (!this.openRelays.tryAcquire()) {
            log.warn("Turned away the events of job id={}: {} streams, aimass.console.max-event-streams, are open "
                    + "already", jobId, this.maxRelays);
            return busy();
        }
        SseEmitter emitter = new SseEmitter(BROWSER_STREAM_TIMEOUT.toMillis());
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        Runnable closeUpstream = () -> closeQuietly(upstream.getAndSet(null));
        emitter.onCompletion(closeUpstream);
        emitter.onTimeout(closeUpstream);
        emitter.onError((ex) -> closeUpstream.run());
        try {
            this.relays.execute(() -> {
                try {
                    pump(jobId, token, emitter, upstream);
                }
                finally {
                    // A browser that left ends the pump too: its next write fails, or the
                    // emitter's callbacks close the upstream stream under it.
                    this.openRelays.release();
                }
            });
        }
        catch (RuntimeException ex) {
            this.openRelays.release();
            throw ex;
        }
        return emitter;
    }

    /** How many relays are open now. */
    int activeRelays() {
        return this.maxRelays - this.openRelays.availablePermits();
    }

    private static SseEmitter busy() {
        SseEmitter emitter = new SseEmitter(BROWSER_STREAM_TIMEOUT.toMillis());
        try {
            emitter.send(SseEmitter.event().reconnectTime(BUSY_RETRY_MILLIS).comment("busy"));
            emitter.complete();
        }
        catch (IOException ex) {
            emitter.completeWithError(ex);
        }
        return emitter;
    }

    @PreDestroy
    void stop() {
        this.relays.shutdownNow();
    }

    private void pump(UUID jobId, String token, SseEmitter emitter, AtomicReference<InputStream> upstream) {
        try {
            this.streamingApi.get()
                .uri("/api/v1/jobs/{id}/events", jobId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        log.warn("platform-api refused the events of job id={} with status {}", jobId,
                                response.getStatusCode().value());
                        emitter.send(SseEmitter.event().name("gone").data(response.getStatusCode().value()));
                        return null;
                    }
                    upstream.set(response.getBody());
                    forward(response.getBody(), emitter);
                    return null;
                });
            emitter.complete();
        }
        catch (RuntimeException ex) {
            // The browser left, or platform-api went away; the page reconnects if it
            // still wants events.
            log.info("Relay of the events of job id={} ended early: {}", jobId, ex.toString());
            emitter.complete();
        }
    }

    private static void forward(InputStream body, SseEmitter emitter) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    SseEmitter.SseEventBuilder event = SseEmitter.event()
                        .name((name != null) ? name : "message")
                        .data(data.toString());
                    emitter.send((id != null) ? event.id(id) : event);
                }
                name = null;
                id = null;
                data.setLength(0);
            }
            else if (line.startsWith(":")) {
                // The API's keep-alive: passing it on is what tells a browser that left
                // from one still listening, and ends this relay for the first.
                emitter.send(SseEmitter.event().comment(line.substring(1).trim()));
            }
            else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).trim();
            }
            else if (line.startsWith("id:")) {
                id = line.substring("id:".length()).trim();
            }
            else if (line.startsWith("data:")) {
                data.append((data.isEmpty()) ? "" : "\n").append(line.substring("data:".length()));
            }
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        }
        catch (IOException ex) {
            // Already closed by the other side.
        }
    }

}
