package ai.aimass.api.dataset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import ai.aimass.api.ApiTestSupport;
import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.data.artifact.PostgresArtifactStore;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatasetStoreTests extends ApiTestSupport {

    @Autowired
    private DatasetService datasetService;

    @Test
    void aNameTakenAfterTheCheckIs409AndRollsBackTheArtifact() {
        TestTenant tenant = createTenant();
        byte[] file = "x,label\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8);
        DatasetProfile profile = DatasetProfiler.profile(CsvParser.parse(new ByteArrayInputStream(file), 1000),
                "label");
        java.util.UUID userId = this.jdbc.queryForObject("SELECT id FROM users WHERE tenant_id = ?",
                java.util.UUID.class, tenant.id());
        this.datasetService.store(tenant.id(), userId, "raced", "label", file, profile);
        ApiException refusal = catchThrowableOfType(ApiException.class,
                () -> this.datasetService.store(tenant.id(), userId, "raced", "label", file, profile));
        assertThat(refusal.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(refusal.getMessage()).startsWith("name: expected a dataset name that your tenant has not used");
        assertThat(datasetCount(tenant)).isEqualTo(1);
        assertThat(count("SELECT ref_count FROM artifacts WHERE tenant_id = ? AND sha256 = ?", tenant.id(),
                PostgresArtifactStore.sha256Hex(file)))
            .isEqualTo(1);
    }

}
