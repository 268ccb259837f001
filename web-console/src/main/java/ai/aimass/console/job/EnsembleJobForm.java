package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the ensemble job form, kept as typed text for the API to check.
 */
public class EnsembleJobForm {

    private String method = "bagging";

    private String source = "central";

    private String datasetId = "";

    private List<String> datasetIds = new ArrayList<>();

    private Map<String, String> names = new LinkedHashMap<>();

    private List<String> memberTypes = new ArrayList<>(List.of("mlp", "logistic", "tree"));

    private String mlpLayers = "16";

    private String treeMaxDepth = "6";

    private String size = "10";

    private String folds = "5";

    private String voting = "soft";

    private String epochs = "30";

    private String batchSize = "32";

    private String learningRate = "0.01";

    private String optimizer = "adam";

    private String seed = "42";

    private String validationFraction = "0.2";

    private String modelName = "";

    private String alias = "production";

    public String getMethod() {
        return this.method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getSource() {
        return this.source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDatasetId() {
        return this.datasetId;
    }

    public void setDatasetId(String datasetId) {
        this.datasetId = datasetId;
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

    public List<String> getMemberTypes() {
        return this.memberTypes;
    }

    public void setMemberTypes(List<String> memberTypes) {
        this.memberTypes = (memberTypes != null) ? memberTypes : new ArrayList<>();
    }

    public String getMlpLayers() {
        return this.mlpLayers;
    }

    public void setMlpLayers(String mlpLayers) {
        this.mlpLayers = mlpLayers;
    }

    public String getTreeMaxDepth() {
        return this.treeMaxDepth;
    }

    public void setTreeMaxDepth(String treeMaxDepth) {
        this.treeMaxDepth = treeMaxDepth;
    }

    public String getSize() {
        return this.size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getFolds() {
        return this.folds;
    }

    public void setFolds(String folds) {
        this.folds = folds;
    }

    public String getVoting() {
        return this.voting;
    }

    public void setVoting(String voting) {
        this.voting = voting;
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
