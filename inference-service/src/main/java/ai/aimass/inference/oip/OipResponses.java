package ai.aimass.inference.oip;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The response bodies of the Open Inference Protocol's model endpoints. */
final class OipResponses {

    private OipResponses() {
    }

    /**
     * Model metadata.
     *
     * @param name the model name
     * @param versions the versions that may be asked for explicitly, oldest first
     * @param platform the framework that runs the model
     * @param inputs the input tensors; empty for a model with a categorical feature,
     * which a numeric tensor cannot carry
     * @param outputs the output tensors
     * @param properties facts that a client needs to build inputs and read outputs: the
     * version the path resolved to, the feature names in tensor order and the classes in
     * probability order, and for a model without tensor input the reason and the endpoint
     * to use instead ({@code inputs_note})
     */
    record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
            List<TensorMetadata> outputs, Map<String, String> properties) {
    }

    /**
     * One tensor of the metadata; -1 marks a dimension of any size.
     *
     * @param name the tensor name
     * @param datatype the protocol datatype
     * @param shape the dimensions
     */
    record TensorMetadata(String name, String datatype, List<Integer> shape) {
    }

    /**
     * Whether a model version is ready.
     *
     * @param name the model name
     * @param version the concrete version
     * @param ready always true in a 200 answer
     */
    record ModelReady(String name, String version, boolean ready) {
    }

    /**
     * An inference response.
     *
     * @param modelName the model name
     * @param modelVersion the concrete version that answered
     * @param id the request id, echoed, or absent
     * @param outputs the output tensors, in request order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(@JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion, String id, List<OutputTensor> outputs) {
    }

    /**
     * One output tensor, data in row-major order.
     *
     * @param name the output name
     * @param datatype the protocol datatype
     * @param shape the dimensions
     * @param parameters extra facts, such as the class order of the probabilities
     * @param data the values
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutputTensor(String name, String datatype, List<Integer> shape, Map<String, Object> parameters,
            List<?> data) {
    }

}
