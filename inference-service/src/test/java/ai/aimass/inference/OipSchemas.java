package ai.aimass.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.Yaml;

/**
 * The JSON schemas of the Open Inference Protocol's OpenAPI document, to check that our
 * requests and responses are what KServe and Triton clients expect.
 * <p>
 * The YAML is read with SnakeYAML; each component schema is validated with its
 * {@code $ref}s resolved against the document's {@code #/components/schemas}.
 */
final class OipSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNode COMPONENTS = readComponents();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OipSchemas() {
    }

    /**
     * Validates a JSON document against a component schema.
     * @param component a name under {@code components.schemas}, such as
     * {@code inference_response}
     * @param json the document
     * @return the violations, empty when the document is valid
     */
    static List<String> violations(String component, String json) {
        try {
            Set<ValidationMessage> messages = schema(component).validate(MAPPER.readTree(json));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static JsonSchema schema(String component) {
        return SCHEMAS.computeIfAbsent(component, (name) -> {
            if (!COMPONENTS.path("schemas").has(name)) {
                throw new IllegalArgumentException("The protocol document has no schema " + name);
            }
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$ref", "#/components/schemas/" + name);
            root.set("components", COMPONENTS);
            return FACTORY.getSchema(root);
        });
    }

    private static JsonNode readComponents() {
        try (InputStream in = OipSchemas.class.getResourceAsStream("/open-inference-protocol-rest.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            return MAPPER.valueToTree(document.get("components"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
