package ai.aimass.console.job;

import java.util.List;
import java.util.UUID;

import ai.aimass.console.platform.ApiPage;
import ai.aimass.console.platform.PlatformClients;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The job endpoints of platform-api.
 */
@Component
public class JobClient {

    private static final ParameterizedTypeReference<ApiPage<Job>> JOB_PAGE = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<ApiPage<Round>> ROUND_PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient platformApi;

    JobClient(@Qualifier(PlatformClients.PLATFORM_API) RestClient platformApi) {
        this.platformApi = platformApi;
    }

    /**
     * Lists one page of the tenant's jobs, newest first.
     * @param page the page number, from 0
     * @param size the page size
     * @return the page
     */
    public ApiPage<Job> listJobs(int page, int size) {
        return this.platformApi.get().uri("/api/v1/jobs?page={page}&size={size}", page, size).retrieve().body(JOB_PAGE);
    }

    Job getJob(UUID id) {
        return this.platformApi.get().uri("/api/v1/jobs/{id}", id).retrieve().body(Job.class);
    }

    /** Reads every recorded round of a job, page by page. */
    List<Round> listRounds(UUID id) {
        return ApiPage.readAll((page) -> this.platformApi.get()
            .uri("/api/v1/jobs/{id}/rounds?page={page}&size={size}", id, page, ApiPage.MAX_SIZE)
            .retrieve()
            .body(ROUND_PAGE));
    }

    /**
     * Submits a job spec as JSON; the API checks it and names each problem's field.
     * @param specJson the spec
     * @return the queued job
     */
    Job submitJob(String specJson) {
        return this.platformApi.post()
            .uri("/api/v1/jobs")
            .contentType(MediaType.APPLICATION_JSON)
            .body(specJson)
            .retrieve()
            .body(Job.class);
    }

    Job cancelJob(UUID id) {
        return this.platformApi.post().uri("/api/v1/jobs/{id}/cancel", id).retrieve().body(Job.class);
    }

}
