package ai.aimass.api.dataset;

import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Reads and writes the ml-core JSON that a dataset row keeps: its {@link TabularSchema}
 * in {@code schema_json} and its {@link DatasetProfile} in {@code statistics_json}, both
 * with the shared {@link MlJson} mapper, so that the worker reads them the same way.
 */
public final class DatasetProfiles {

    private DatasetProfiles() {
    }

    /**
     * Returns the profile stored with a dataset.
     * @param dataset the dataset row
     * @return its schema, counts and column statistics
     */
    public static DatasetProfile read(DatasetEntity dataset) {
        return MlJson.mapper().readValue(dataset.getStatisticsJson(), DatasetProfile.class);
    }

    static String writeProfile(DatasetProfile profile) {
        return MlJson.mapper().writeValueAsString(profile);
    }

    static String writeSchema(TabularSchema schema) {
        return MlJson.mapper().writeValueAsString(schema);
    }

}
