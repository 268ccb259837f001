package ai.aimass.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a submitted form, each placed beside the field it names.
 * <p>
 * The services start each message with the field's path ({@code training.epochs: ...}); a
 * form maps path prefixes to its own fields, and a message whose path it does not know is
 * shown above the form.
 */
public final class FormErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    private final List<String> general = new ArrayList<>();

    /**
     * Places each message by the longest path prefix that names one of the form's fields.
     * @param messages the services' messages
     * @param fieldsByPrefix form field names by API path prefix, such as
     * {@code training.epochs} to {@code epochs}
     * @return the placed errors
     */
    public static FormErrors place(List<String> messages, Map<String, String> fieldsByPrefix) {
        FormErrors errors = new FormErrors();
        for (String message : messages) {
            String field = null;
            int longest = -1;
            for (Map.Entry<String, String> entry : fieldsByPrefix.entrySet()) {
                String prefix = entry.getKey();
                if (startsWithPath(message, prefix) && prefix.length() > longest) {
                    field = entry.getValue();
                    longest = prefix.length();
                }
            }
            if (field != null) {
                errors.add(field, message);
            }
            else {
                errors.addGeneral(message);
            }
        }
        return errors;
    }

    private static boolean startsWithPath(String message, String prefix) {
        if (!message.startsWith(prefix) || message.length() == prefix.length()) {
            return false;
        }
        char next = message.charAt(prefix.length());
        return next == ':' || next == '.' || next == '[';
    }

    /** Adds a problem of one field. */
    public FormErrors add(String field, String message) {
        this.byField.computeIfAbsent(field, (key) -> new ArrayList<>()).add(message);
        return this;
    }

    /** Adds a problem of the form as a whole. */
    public FormErrors addGeneral(String message) {
        this.general.add(message);
        return this;
    }

    /** Whether the field has a problem. */
    public boolean has(String field) {
        return this.byField.containsKey(field);
    }

    /** The problems of one field. */
    public List<String> of(String field) {
        return this.byField.getOrDefault(field, List.of());
    }

    /** The problems that name no field of the form. */
    public List<String> general() {
        return this.general;
    }

    /** Whether there is any problem. */
    public boolean any() {
        return !this.byField.isEmpty() || !this.general.isEmpty();
    }

    /** Every problem, field by field and then the general ones. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        this.byField.values().forEach(all::addAll);
        all.addAll(this.general);
        return all;
    }

}
