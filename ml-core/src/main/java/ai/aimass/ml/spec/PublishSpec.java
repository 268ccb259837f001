package ai.aimass.ml.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the trained model goes: the model name under which a new version is published
 * and, optionally, an alias to move to that version.
 * <p>
 * Both appear in URLs. An alias must hold a letter, so that it can never be mistaken for
 * a version number.
 *
 * @param modelName the model name: lowercase letters, digits and dashes, 1 to 100
 * @param alias the alias to move, such as {@code production}, or null for none
 */
public record PublishSpec(String modelName, String alias) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,100}");

    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    /**
     * Returns whether a text is a valid model name.
     * @param name the text
     * @return true when it has 1 to 100 lowercase letters, digits and dashes
     */
    public static boolean isValidModelName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Returns whether a text is a valid alias.
     * @param alias the text
     * @return true when it is a valid model name that holds at least one letter
     */
    public static boolean isValidAlias(String alias) {
        return isValidModelName(alias) && HAS_LETTER.matcher(alias).matches();
    }

    void collectProblems(String path, List<String> problems) {
        if (!isValidModelName(this.modelName)) {
            problems.add(path + ".modelName: expected lowercase letters, digits and dashes (1 to 100), found "
                    + SpecProblems.quoted(this.modelName));
        }
        if (this.alias != null && !isValidAlias(this.alias)) {
            problems.add(path + ".alias: expected lowercase letters, digits and dashes (1 to 100) with at least one "
                    + "letter, found " + SpecProblems.quoted(this.alias));
        }
    }

}
