package ai.aimass.api.job;

import java.util.UUID;

import ai.aimass.api.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A job's progress as server-sent events, for pages that follow a job while it runs.
 */
@RestController
@Tag(name = "jobs")
class JobEventsController {

    private final JobEventStream events;

    JobEventsController(JobEventStream events) {
        this.events = events;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a job: a status event on every change and a round event per recorded round, "
            + "until the job ends")
    SseEmitter followJob(Caller caller, @PathVariable UUID id) {
        return this.events.follow(caller.requireTenant(), id);
    }

}
