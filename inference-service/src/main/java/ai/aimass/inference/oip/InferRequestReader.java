package ai.aimass.inference.oip;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.aimass.inference.InferenceException;
import ai.aimass.inference.web.JsonValues;
import ai.aimass.ml.tabular.TabularSchema;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Open Inference Protocol inference request for a tabular model and checks it
 * against the model's schema.
 * <p>
 * The model has one input, {@value #INPUT}: datatype FP32 (FP64 is accepted too), shape
 * {@code [N, F]} with F the number of features, and {@code data} of N times F numbers in
 * row-major order, flat or nested; FP32 data must lie within the float32 range. Messages
 * name the field at fault as a JSON path, such as {@code inputs[0].shape[1]}.
 */
final class InferRequestReader {

    static final String INPUT = "input";

    static final String LABEL_OUTPUT = "label";

    static final String PROBABILITIES_OUTPUT = "probabilities";

    private static final String FP32 = "FP32";

    private static final Set<String> DATATYPES = Set.of(FP32, "FP64");

    private static final Set<String> OUTPUTS = Set.of(LABEL_OUTPUT, PROBABILITIES_OUTPUT);

    /** The request parameter that asks an ensemble for its members' votes. */
    static final String EXPLAIN_PARAMETER = "explain";

    private InferRequestReader() {
    }

    /**
     * Reads a request.
     * @param body the request body, a JSON object
     * @param schema the model's input schema
     * @return the rows and options of the request
     * @throws InferenceException 400 when the request does not fit the model
     */
    static InferRequest read(JsonNode body, TabularSchema schema) {
        String id = readId(body.get("id"));
        requireObjectIfPresent("parameters", body.get("parameters"));
        boolean explain = readExplain(body.get("parameters"));
        List<String> outputs = readOutputs(body.get("outputs"));
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw InferenceException
                .invalidInput("inputs: expected an array holding the input \"" + INPUT + "\", found "
                        + ((inputs != null && inputs.isArray()) ? "an empty array" : JsonValues.describe(inputs)));
        }
        if (inputs.size() > 1) {
            throw InferenceException
                .invalidInput("inputs: expected only the input \"" + INPUT + "\", found " + inputs.size()
                        + " inputs (the second named " + JsonValues.describe(inputs.get(1).get("name")) + ")");
        }
        return new InferRequest(id, readInput(inputs.get(0), schema), outputs, explain);
    }

    private static boolean readExplain(JsonNode parameters) {
        JsonNode explain = (parameters != null && parameters.isObject()) ? parameters.get(EXPLAIN_PARAMETER) : null;
        if (explain == null || explain.isNull()) {
            return false;
        }
        if (!explain.isBoolean()) {
            throw InferenceException
                .invalidInput("parameters.explain: expected true or false, found " + JsonValues.describe(explain));
        }
        return explain.booleanValue();
    }

    private static List<List<Object>> readInput(JsonNode input, TabularSchema schema) {
        String where = "inputs[0]";
        if (!input.isObject()) {
            throw InferenceException
                .invalidInput(where + ": expected a tensor object, found " + JsonValues.describe(input));
        }
        requireName(where, input.get("name"));
        String datatype = readDatatype(where, input.get("datatype"));
        requireObjectIfPresent(where + ".parameters", input.get("parameters"));
        int[] shape = readShape(where, input.get("shape"), schema);
        List<Double> values = readData(where, input.get("data"), shape, FP32.equals(datatype));
        if (!schema.numericOnly()) {
            throw InferenceException.invalidInput(where + ": this model has categorical features, which a numeric "
                    + "tensor cannot carry; expected named features at POST /v1/models/{name}:predict");
        }
        List<List<Object>> rows = new ArrayList<>(shape[0]);
        for (int row = 0; row < shape[0]; row++) {
            rows.add(new ArrayList<>(values.subList(row * shape[1], (row + 1) * shape[1])));
        }
        return rows;
    }

    private static String readId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isString()) {
            throw InferenceException.invalidInput("id: expected a string, found " + JsonValues.describe(id));
        }
        return id.stringValue();
    }

    private static List<String> readOutputs(JsonNode outputs) {
        if (outputs == null || outputs.isNull()) {
            return List.of(LABEL_OUTPUT, PROBABILITIES_OUTPUT);
        }
        if (!outputs.isArray()) {
            throw InferenceException
                .invalidInput("outputs: expected an array of requested outputs, found " + JsonValues.describe(outputs));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode name = outputs.get(i).get("name");
            if (name == null || !name.isString() || !OUTPUTS.contains(name.stringValue())) {
                throw InferenceException.invalidInput("outputs[" + i + "].name: expected \"" + LABEL_OUTPUT + "\" or \""
                        + PROBABILITIES_OUTPUT + "\", found " + JsonValues.describe(name));
            }
            requireObjectIfPresent("outputs[" + i + "].parameters", outputs.get(i).get("parameters"));
            if (!names.contains(name.stringValue())) {
                names.add(name.stringValue());
            }
        }
        return (names.isEmpty()) ? List.of(LABEL_OUTPUT, PROBABILITIES_OUTPUT) : names;
    }

    private static void requireName(String where, JsonNode name) {
        if (name == null || !name.isString() || !name.stringValue().equals(INPUT)) {
            throw InferenceException.invalidInput(where + ".name: expected \"" + INPUT
                    + "\" (the model's only input), found " + JsonValues.describe(name));
        }
    }

    private static String readDatatype(String where, JsonNode datatype) {
        if (datatype == null || !datatype.isString() || !DATATYPES.contains(datatype.stringValue())) {
            throw InferenceException.invalidInput(
                    where + ".datatype: expected \"FP32\" (or \"FP64\"), found " + JsonValues.describe(datatype));
        }
        return datatype.stringValue();
    }

    private static void requireObjectIfPresent(String where, JsonNode value) {
        if (value != null && !value.isNull() && !value.isObject()) {
            throw InferenceException.invalidInput(where + ": expected an object, found " + JsonValues.describe(value));
        }
    }

    private static int[] readShape(String where, JsonNode shape, TabularSchema schema) {
        int featureCount = schema.featureCount();
        String expected = "[N, " + featureCount + "] (N rows of the model's " + featureCount + " features)";
        if (shape == null || !shape.isArray() || shape.size() != 2) {
            throw InferenceException.invalidInput(where + ".shape: expected " + expected + ", found "
                    + ((shape != null && shape.isArray()) ? shape.size() + " dimensions" : JsonValues.describe(shape)));
        }
        int rows = readDimension(where + ".shape[0]", shape.get(0));
        int columns = readDimension(where + ".shape[1]", shape.get(1));
        if (rows == 0) {
            throw InferenceException.invalidInput(where + ".shape[0]: expected at least 1 row, found 0");
        }
        if (columns != featureCount) {
            throw InferenceException.invalidInput(
                    where + ".shape[1]: expected " + featureCount + " (the model's feature count), found " + columns);
        }
        return new int[] { rows, columns };
    }

    private static int readDimension(String where, JsonNode dimension) {
        if (dimension.isIntegralNumber() && dimension.canConvertToInt() && dimension.intValue() >= 0) {
            return dimension.intValue();
        }
        throw InferenceException
            .invalidInput(where + ": expected a non-negative integer, found " + JsonValues.describe(dimension));
    }

    private static List<Double> readData(String where, JsonNode data, int[] shape, boolean fp32) {
        if (data == null || !data.isArray()) {
            throw InferenceException
                .invalidInput(where + ".data: expected an array of numbers, found " + JsonValues.describe(data));
        }
        long expected = (long) shape[0] * shape[1];
        List<Double> values = new ArrayList<>();
        flatten(where + ".data", data, fp32, values);
        if (values.size() != expected) {
            throw InferenceException.invalidInput(where + ".data: shape [" + shape[0] + ", " + shape[1] + "] holds "
                    + expected + " values, found " + values.size());
        }
        return values;
    }

    private static void flatten(String where, JsonNode array, boolean fp32, List<Double> values) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String path = where + "[" + i + "]";
            if (element.isArray()) {
                flatten(path, element, fp32, values);
            }
            else if (!JsonValues.isFiniteNumber(element)) {
                throw InferenceException
                    .invalidInput(path + ": expected a number, found " + JsonValues.describe(element));
            }
            else if (fp32 && Math.abs(element.doubleValue()) > Float.MAX_VALUE) {
                throw InferenceException.invalidInput(
                        path + ": expected a FP32 value (at most ±3.4028235e38), found " + element.doubleValue());
            }
            else {
                values.add(element.doubleValue());
            }
        }
    }

    /**
     * A checked inference request.
     *
     * @param id the request id to echo, or {@code null}
     * @param rows the feature values per row, in schema order
     * @param outputs the names of the outputs to return, in request order
     * @param explain whether an ensemble adds its members' votes as two more outputs
     */
    record InferRequest(String id, List<List<Object>> rows, List<String> outputs, boolean explain) {
    }

}
