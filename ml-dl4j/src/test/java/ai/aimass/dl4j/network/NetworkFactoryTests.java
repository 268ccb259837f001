package ai.aimass.dl4j.network;

import java.util.List;

import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Nesterovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NetworkFactoryTests {

    private static final ModelSpec MODEL = new ModelSpec(List.of(new LayerSpec(16, "relu"), new LayerSpec(8, "tanh")),
            null);

    @Test
    void countsParametersAsTheNetworkHas() {
        MultiLayerNetwork network = NetworkFactory.build(MODEL, TrainingSpec.defaults(), 30, 3, 1);
        int expected = (30 * 16 + 16) + (16 * 8 + 8) + (8 * 3 + 3);
        assertThat(NetworkFactory.parameterCount(MODEL, 30, 3)).isEqualTo(expected);
        assertThat(network.numParams()).isEqualTo(expected);
        assertThat(network.params().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void givesBitIdenticalInitialParametersForSameSeed() {
        float[] first = NetworkFactory.build(MODEL, TrainingSpec.defaults(), 30, 2, 7).params().toFloatVector();
        float[] second = NetworkFactory.build(MODEL, TrainingSpec.defaults(), 30, 2, 7).params().toFloatVector();
        float[] other = NetworkFactory.build(MODEL, TrainingSpec.defaults(), 30, 2, 8).params().toFloatVector();
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void appliesActivationsAndOptimiserOfTheSpec() {
        TrainingSpec training = new TrainingSpec(null, null, 0.05, "nesterovs", null, null);
        MultiLayerNetwork network = NetworkFactory.build(MODEL, training, 4, 2, 1);
        DenseLayer second = (DenseLayer) network.getLayerWiseConfigurations().getConf(1).getLayer();
        assertThat(second.getActivationFn()).isInstanceOf(ActivationTanH.class);
        Nesterovs updater = (Nesterovs) second.getIUpdater();
        assertThat(updater.getLearningRate()).isEqualTo(0.05);
        assertThat(updater.getMomentum()).isEqualTo(0.9);
    }

    @Test
    void rejectsUnknownActivation() {
        ModelSpec model = new ModelSpec(List.of(new LayerSpec(4, "gelu")), null);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> NetworkFactory.build(model, TrainingSpec.defaults(), 4, 2, 1))
            .withMessage("model.layers[0].activation: expected one of relu, tanh, sigmoid, identity, leakyrelu, "
                    + "found \"gelu\"");
    }

    @Test
    void rejectsFewerThanTwoClasses() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> NetworkFactory.build(MODEL, TrainingSpec.defaults(), 4, 1, 1))
            .withMessage("classCount: expected at least 2, found 1");
    }

}
