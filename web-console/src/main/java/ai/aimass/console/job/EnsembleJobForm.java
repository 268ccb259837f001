package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the ensemble job form: the shared job fields, the combination method, its
 * members and whether they train on one dataset or across participants.
 */
public class EnsembleJobForm extends JobForm {

    private String method = "bagging";

    private String source = "central";

    private String datasetId = "";

    private List<String> memberTypes = new ArrayList<>(List.of("mlp", "logistic", "tree"));

    private String mlpLayers = "16";

    private String treeMaxDepth = "6";

    private String size = "10";

    private String folds = "5";

    private String voting = "soft";

    public EnsembleJobForm() {
        super("30");
    }

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

}
