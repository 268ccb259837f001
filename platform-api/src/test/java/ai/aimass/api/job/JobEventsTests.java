package ai.aimass.api.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/jobs/{id}/events} over real HTTP, with progress written to the
 * database as a worker would write it.
 */
@Timeout(120)
class JobEventsTests extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streamsStatusAndEachRoundUntilTheJobEnds() throws Exception {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        try (EventReader events = open(id, createUser(tenant, "VIEWER"))) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            Event queued = events.next();
            assertThat(queued.name()).isEqualTo("status");
            assertThat(queued.data().get("status").asString()).isEqualTo("QUEUED");
            assertThat(queued.data().get("totalRounds").asInt()).isEqualTo(5);
            assertThat(queued.data().has("spec")).isFalse();
            this.jdbc.update(
                    "UPDATE jobs SET status = 'RUNNING', started_at = now(), completed_rounds = 1 WHERE id = ?",
                    UUID.fromString(id));
            insertRound(id, 1, 0.52, 0.91);
            Event round = events.next();
            assertThat(round.name()).isEqualTo("round");
            assertThat(round.id()).isEqualTo("1");
            assertThat(round.data().get("round").asInt()).isEqualTo(1);
            assertThat(round.data().get("meanLoss").asDouble()).isEqualTo(0.52);
            assertThat(round.data().get("participants").get(1).get("participant").asString()).isEqualTo("hospital-b");
            assertThat(round.data().get("participants").get(1).get("validationAccuracy").asDouble()).isEqualTo(0.9);
            Event running = events.next();
            assertThat(running.name()).isEqualTo("status");
            assertThat(running.data().get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.data().get("roundsCompleted").asInt()).isEqualTo(1);
            this.jdbc.update(
                    "UPDATE jobs SET status = 'FAILED', finished_at = now(), "
                            + "error_message = 'participant hospital-b: update has NaN weights' WHERE id = ?",
                    UUID.fromString(id));
            Event failed = events.next();
            assertThat(failed.data().get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.data().get("errorMessage").asString())
                .isEqualTo("participant hospital-b: update has NaN weights");
            assertThat(events.hasNext()).as("the stream ends with the final status").isFalse();
        }
    }

    @Test
    void aLateFollowerGetsEveryRecordedRoundThenTheFinalStatus() throws Exception {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        insertRound(id, 1, 0.52, 0.91);
        insertRound(id, 2, 0.31, 0.95);
        this.jdbc.update("UPDATE jobs SET status = 'CANCELLED', cancel_requested = true, completed_rounds = 2, "
                + "started_at = now(), finished_at = now() WHERE id = ?", UUID.fromString(id));
        try (EventReader events = open(id, tenant.adminToken())) {
            List<Event> all = events.rest();
            assertThat(all).extracting(Event::name).containsExactly("round", "round", "status");
            assertThat(all.get(1).data().get("validationAccuracy").asDouble()).isEqualTo(0.95);
            assertThat(all.get(2).data().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(all.get(2).data().get("cancelRequested").asBoolean()).isTrue();
            assertThat(all.get(2).data().get("roundsCompleted").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aJobOfAnotherTenantIsAnsweredLikeAnUnknownOne() throws Exception {
        TestTenant owner = createTenant();
        TestTenant other = createTenant();
        String id = submitJob(owner);
        String unknown = UUID.randomUUID().toString();
        try (EventReader foreign = open(id, other.adminToken());
                EventReader missing = open(unknown, other.adminToken())) {
            assertThat(foreign.status()).isEqualTo(404);
            JsonNode problem = JSON.readTree(foreign.body());
            assertThat(problem.get("code").asString()).isEqualTo("not_found");
            assertThat(problem.get("detail").asString())
                .isEqualTo("id: expected a job of your tenant, found none with id " + id);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).get("detail").asString().replace(unknown, id))
                .isEqualTo(problem.get("detail").asString());
        }
    }

    @Test
    void aQuietStreamWritesAKeepAliveCommentSoThatALeftClientIsNoticed() throws Exception {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        try (EventReader events = open(id, tenant.adminToken())) {
            assertThat(events.next().name()).isEqualTo("status");
            // The job stays queued: nothing else is written until the keep-alive.
            assertThat(events.nextCommentLine()).isEqualTo(":keep-alive");
            // Ending the job ends the stream, which would otherwise stay open until its
            // maximum duration.
            assertThat(api().post("/api/v1/jobs/" + id + "/cancel", tenant.adminToken(), "").status()).isEqualTo(200);
            List<Event> rest = events.rest();
            assertThat(rest.get(rest.size() - 1).data().get("status").asString()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void needsAToken() throws Exception {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        try (EventReader events = open(id, null)) {
            assertThat(events.status()).isEqualTo(401);
            assertThat(JSON.readTree(events.body()).get("code").asString()).isEqualTo("unauthorized");
        }
    }

    private EventReader open(String jobId, String token) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = this.http.send(api().request("/api/v1/jobs/" + jobId + "/events", token)
            .header("Accept", "text/event-stream")
            .GET()
            .build(), HttpResponse.BodyHandlers.ofLines());
        return new EventReader(response);
    }

    /**
     * Queues a job as the API would, without the API: the stream reads only the job's row
     * and its rounds, never its spec.
     */
    private String submitJob(TestTenant tenant) {
        UUID id = UUID.randomUUID();
        UUID creator = this.jdbc.queryForObject("SELECT id FROM users WHERE tenant_id = ? LIMIT 1", UUID.class,
                tenant.id());
        this.jdbc.update(
                "INSERT INTO jobs (id, tenant_id, kind, status, spec_json, total_rounds, created_by, "
                        + "created_at) VALUES (?, ?, 'federated', 'QUEUED', '{}', 5, ?, now())",
                id, tenant.id(), creator);
        return id.toString();
    }

    /** One server-sent event: its name, id and JSON data. */
    record Event(String name, String id, JsonNode data) {
    }

    /** Reads a response line by line as server-sent events. */
    private static final class EventReader implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;

        private final Iterator<String> lines;

        private EventReader(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.lines = response.body().iterator();
        }

        int status() {
            return this.response.statusCode();
        }

        String contentType() {
            return this.response.headers().firstValue("Content-Type").orElse("");
        }

        String body() {
            StringBuilder text = new StringBuilder();
            this.lines.forEachRemaining(text::append);
            return text.toString();
        }

        boolean hasNext() {
            return this.lines.hasNext();
        }

        /** Blocks until the next event arrives. */
        Event next() {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            while (this.lines.hasNext()) {
                String line = this.lines.next();
                if (line.isEmpty() && !data.isEmpty()) {
                    return new Event(name, id, JSON.readTree(data.toString()));
                }
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                }
                else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).trim();
                }
                else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                }
            }
            throw new UncheckedIOException(new IOException("the stream ended before the next event"));
        }

        /** Blocks until the next comment line, skipping anything else. */
        String nextCommentLine() {
            while (this.lines.hasNext()) {
                String line = this.lines.next();
                if (line.startsWith(":")) {
                    return line;
                }
            }
            throw new UncheckedIOException(new IOException("the stream ended before a comment line"));
        }

        List<Event> rest() {
            List<Event> events = new ArrayList<>();
            while (this.lines.hasNext()) {
                try {
                    events.add(next());
                }
                catch (UncheckedIOException ex) {
                    break;
                }
            }
            return events;
        }

        @Override
        public void close() {
            this.response.body().close();
        }

    }

}
