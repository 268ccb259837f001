package ai.aimass.console.job;

/**
 * The fields of the federated job form: the shared job fields, the model and the rounds.
 */
public class FederatedJobForm extends JobForm {

    private String layers = "16";

    private String activation = "relu";

    private String rounds = "10";

    private String strategy = "fedavg";

    public FederatedJobForm() {
        super("1");
    }

    public String getLayers() {
        return this.layers;
    }

    public void setLayers(String layers) {
        this.layers = layers;
    }

    public String getActivation() {
        return this.activation;
    }

    public void setActivation(String activation) {
        this.activation = activation;
    }

    public String getRounds() {
        return this.rounds;
    }

    public void setRounds(String rounds) {
        this.rounds = rounds;
    }

    public String getStrategy() {
        return this.strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

}
