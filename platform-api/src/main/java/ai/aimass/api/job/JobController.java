package ai.aimass.api.job;

import java.net.URI;
import java.util.UUID;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import ai.aimass.ml.spec.JobSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training jobs of the caller's tenant and the rounds they have aggregated.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs")
class JobController {

    private final JobService jobService;

    private final Paging paging;

    JobController(JobService jobService, Paging paging) {
        this.jobService = jobService;
        this.paging = paging;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a federated training job",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = JobSpec.class))))
    ResponseEntity<JobView> submitJob(Caller caller, @RequestBody String body) {
        JobView job = this.jobService.submitJob(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "List your tenant's jobs, newest first")
    PageView<JobView> listJobs(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(this.jobService.listJobs(caller,
                this.paging.request(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a job's status and progress")
    JobView getJob(Caller caller, @PathVariable UUID id) {
        return this.jobService.getJob(caller, id);
    }

    @GetMapping("/{id}/rounds")
    @Operation(summary = "List a job's aggregated rounds in order, with each participant's metrics")
    PageView<RoundView> listRounds(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        this.paging.check(page, size);
        return this.jobService.listRounds(caller, id, page, size);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a job: a queued one at once, a running one at its next round boundary")
    JobView cancelJob(Caller caller, @PathVariable UUID id) {
        return this.jobService.cancelJob(caller, id);
    }

}
