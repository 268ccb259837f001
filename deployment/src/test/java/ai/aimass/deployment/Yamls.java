package ai.aimass.deployment;

import java.util.List;
import java.util.Map;

/**
 * Reads nested values of parsed YAML by dotted paths, such as {@code spec.template.spec}.
 */
final class Yamls {

    private Yamls() {
    }

    static Object get(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = get(root, path);
        return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object value = get(root, path);
        return (value instanceof List<?>) ? (List<Map<String, Object>>) value : List.of();
    }

    static List<String> strings(Object root, String path) {
        Object value = get(root, path);
        return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static String string(Object root, String path) {
        Object value = get(root, path);
        return (value != null) ? value.toString() : null;
    }

}
