package ai.aimass.api.dataset;

import java.net.URI;
import java.util.UUID;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The datasets of the caller's tenant: validated CSV files with their inferred schema and
 * statistics.
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "datasets")
class DatasetController {

    private final DatasetService datasetService;

    private final Paging paging;

    DatasetController(DatasetService datasetService, Paging paging) {
        this.datasetService = datasetService;
        this.paging = paging;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV file (UTF-8, header row) as a new dataset")
    ResponseEntity<DatasetView> createDataset(Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam("name") String name, @RequestParam("labelColumn") String labelColumn) {
        DatasetView dataset = this.datasetService.createDataset(caller, name, labelColumn, file);
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.id())).body(dataset);
    }

    @GetMapping
    @Operation(summary = "List your tenant's datasets, newest first")
    PageView<DatasetView> listDatasets(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(
                this.datasetService.listDatasets(caller,
                        this.paging.request(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))),
                DatasetView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a dataset's schema, counts and statistics")
    DatasetView getDataset(Caller caller, @PathVariable UUID id) {
        return this.datasetService.getDataset(caller, id);
    }

}
