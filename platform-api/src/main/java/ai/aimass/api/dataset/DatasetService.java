package ai.aimass.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import ai.aimass.api.ApiProperties;
import ai.aimass.api.auth.Caller;
import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.Constraints;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.api.web.Timestamps;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.ml.spec.PublishSpec;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registers datasets: every row of the uploaded CSV is validated and profiled before
 * anything is stored, and the file and the dataset row are then stored in one
 * transaction, so a refused upload leaves nothing behind.
 */
@Service
class DatasetService {

    /** The media type of a stored dataset file. */
    static final String MEDIA_TYPE = "text/csv";

    private static final String NAME_CONSTRAINT = "uq_datasets_tenant_name";

    private static final int MAX_LABEL_COLUMN_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);

    private final DatasetRepository datasets;

    private final ArtifactStore artifacts;

    private final TransactionTemplate transaction;

    private final long maxBytes;

    DatasetService(DatasetRepository datasets, ArtifactStore artifacts, TransactionTemplate transaction,
            ApiProperties properties) {
        this.datasets = datasets;
        this.artifacts = artifacts;
        this.transaction = transaction;
        this.maxBytes = properties.maxDatasetBytes().toBytes();
    }

    DatasetView createDataset(Caller caller, String name, String labelColumn, MultipartFile file) {
        UUID tenantId = caller.requireTenant();
        refuseNul("name", name);
        refuseNul("labelColumn", labelColumn);
        checkName(name);
        checkLabelColumn(labelColumn);
        requireFreeName(tenantId, name);
        DatasetProfile profile = profile(file, labelColumn);
        DatasetEntity dataset = store(tenantId, caller.userId(), name, labelColumn, read(file), profile);
        log.info("Created dataset id={} tenant={} rows={} features={}", dataset.getId(), tenantId, profile.rowCount(),
                profile.schema().featureCount());
        return DatasetView.of(dataset);
    }

    DatasetView getDataset(Caller caller, UUID id) {
        return this.datasets.findByIdAndTenantId(id, caller.requireTenant())
            .map(DatasetView::of)
            .orElseThrow(() -> notFound(id));
    }

    Page<DatasetEntity> listDatasets(Caller caller, Pageable pageable) {
        return this.datasets.findByTenantId(caller.requireTenant(), pageable);
    }

    /**
     * Stores the file and the dataset row in one transaction.
     * @throws ApiException with code {@code already_exists} when another upload took the
     * name since it was checked
     */
    DatasetEntity store(UUID tenantId, UUID userId, String name, String labelColumn, byte[] content,
            DatasetProfile profile) {
        try {
            return this.transaction.execute((status) -> {
                ArtifactStore.StoredArtifact artifact = this.artifacts.put(tenantId, content, MEDIA_TYPE);
                return this.datasets.saveAndFlush(new DatasetEntity(UUID.randomUUID(), tenantId, name, labelColumn,
                        artifact.sha256(), profile.rowCount(), DatasetProfiles.writeSchema(profile.schema()),
                        DatasetProfiles.writeProfile(profile), userId, Timestamps.now()));
            });
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, NAME_CONSTRAINT)) {
                throw nameTaken(name);
            }
            throw ex;
        }
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("id: expected a dataset of your tenant, found none with id " + id);
    }

    private DatasetProfile profile(MultipartFile file, String labelColumn) {
        try {
            if (file.getSize() > this.maxBytes) {
                throw new TabularDataException(TabularDataException.PAYLOAD_TOO_LARGE,
                        "expected a file of at most " + this.maxBytes + " bytes, found " + file.getSize() + " bytes");
            }
            CsvTable table;
            try (InputStream in = file.getInputStream()) {
                table = CsvParser.parse(in, this.maxBytes);
            }
            return DatasetProfiler.profile(table, labelColumn);
        }
        catch (TabularDataException ex) {
            throw refusal(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read an uploaded dataset file", ex);
        }
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read an uploaded dataset file", ex);
        }
    }

    private static ApiException refusal(TabularDataException ex) {
        ErrorCode code = TabularDataException.PAYLOAD_TOO_LARGE.equals(ex.code()) ? ErrorCode.PAYLOAD_TOO_LARGE
                : ErrorCode.INVALID_INPUT;
        String field = ex.getMessage().startsWith("label column") ? "labelColumn" : "file";
        return new ApiException(code, field + ": " + ex.getMessage());
    }

    private void requireFreeName(UUID tenantId, String name) {
        if (this.datasets.existsByTenantIdAndName(tenantId, name)) {
            throw nameTaken(name);
        }
    }

    /** PostgreSQL text cannot hold a NUL character. */
    private static void refuseNul(String field, String value) {
        int index = (value != null) ? value.indexOf('\u0000') : -1;
        if (index >= 0) {
            throw ApiException
                .invalidInput(field + ": expected text without NUL characters, found one at index " + index);
        }
    }

    private static void checkName(String name) {
        if (!PublishSpec.isValidModelName(name)) {
            throw ApiException.invalidInput("name: expected lowercase letters, digits and dashes (1 to 100), found "
                    + ((name != null) ? "\"" + name + "\"" : "none"));
        }
    }

    private static void checkLabelColumn(String labelColumn) {
        if (labelColumn == null || labelColumn.isBlank() || labelColumn.length() > MAX_LABEL_COLUMN_LENGTH) {
            throw ApiException.invalidInput("labelColumn: expected the name of a column of the file, 1 to "
                    + MAX_LABEL_COLUMN_LENGTH + " characters, found "
                    + ((labelColumn != null) ? labelColumn.length() + " characters" : "none"));
        }
    }

    private static ApiException nameTaken(String name) {
        return ApiException.alreadyExists("name: expected a dataset name that your tenant has not used, found \"" + name
                + "\", which is taken (datasets are immutable: upload under another name)");
    }

}
