package ai.aimass.console.dataset;

import java.util.UUID;

import ai.aimass.console.platform.ApiPage;
import ai.aimass.console.platform.PlatformClients;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dataset endpoints of platform-api.
 */
@Component
public class DatasetClient {

    private static final ParameterizedTypeReference<ApiPage<Dataset>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient platformApi;

    DatasetClient(@Qualifier(PlatformClients.PLATFORM_API) RestClient platformApi) {
        this.platformApi = platformApi;
    }

    /**
     * Lists one page of the tenant's datasets, newest first.
     * @param page the page number, from 0
     * @param size the page size, at most 100
     * @return the page
     */
    public ApiPage<Dataset> listDatasets(int page, int size) {
        return this.platformApi.get().uri("/api/v1/datasets?page={page}&size={size}", page, size).retrieve().body(PAGE);
    }

    /**
     * Reads one dataset.
     * @param id the dataset id
     * @return the dataset
     */
    public Dataset getDataset(UUID id) {
        return this.platformApi.get().uri("/api/v1/datasets/{id}", id).retrieve().body(Dataset.class);
    }

    /**
     * Uploads a CSV file as a new dataset; the file streams from the console's temporary
     * copy without being held in memory.
     * @param name the dataset name
     * @param labelColumn the label column
     * @param file the uploaded file
     * @return the created dataset
     */
    Dataset createDataset(String name, String labelColumn, MultipartFile file) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.parseMediaType("text/csv"));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("name", name);
        parts.add("labelColumn", labelColumn);
        parts.add("file", new HttpEntity<>(file.getResource(), fileHeaders));
        return this.platformApi.post()
            .uri("/api/v1/datasets")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .body(Dataset.class);
    }

}
