package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields that every job form has: the datasets taking part, the training settings and
 * where to publish the model.
 * <p>
 * Values are kept as typed text: the API checks them and names each problem's field, so
 * the form shows exactly what a script would be told.
 */
public abstract class JobForm {

    private List<String> datasetIds = new ArrayList<>();

    private Map<String, String> names = new LinkedHashMap<>();

    private String epochs;

    private String batchSize = "32";

    private String learningRate = "0.01";

    private String optimizer = "adam";

    private String seed = "42";

    private String validationFraction = "0.2";

    private String modelName = "";

    private String alias = "production";

    /**
     * Creates a form with the usual defaults.
     * @param defaultEpochs the epochs the form starts with, which differ by job kind: a
     * federated round makes few passes, an ensemble member trains in one go
     */
    protected JobForm(String defaultEpochs) {
        this.epochs = defaultEpochs;
    }

    public List<String> getDatasetIds() {
        return this.datasetIds;
    }

    public void setDatasetIds(List<String> datasetIds) {
        this.datasetIds = (datasetIds != null) ? datasetIds : new ArrayList<>();
    }

    public Map<String, String> getNames() {
        return this.names;
    }

    public void setNames(Map<String, String> names) {
        this.names = (names != null) ? names : new LinkedHashMap<>();
    }

    public String getEpochs() {
        return this.epochs;
    }

    public void setEpochs(String epochs) {
        this.epochs = epochs;
    }

    public String getBatchSize() {
        return this.batchSize;
    }

    public void setBatchSize(String batchSize) {
        this.batchSize = batchSize;
    }

    public String getLearningRate() {
        return this.learningRate;
    }

    public void setLearningRate(String learningRate) {
        this.learningRate = learningRate;
    }

    public String getOptimizer() {
        return this.optimizer;
    }

    public void setOptimizer(String optimizer) {
        this.optimizer = optimizer;
    }

    public String getSeed() {
        return this.seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getValidationFraction() {
        return this.validationFraction;
    }

    public void setValidationFraction(String validationFraction) {
        this.validationFraction = validationFraction;
    }

    public String getModelName() {
        return this.modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public String getAlias() {
        return this.alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

}
