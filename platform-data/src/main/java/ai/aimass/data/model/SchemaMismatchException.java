package ai.aimass.data.model;

/**
 * Thrown when an alias would move to a version whose input schema differs from the one it
 * points at now; devices are coded against the schema, so such a move must be forced.
 */
public class SchemaMismatchException extends RuntimeException {

    public SchemaMismatchException(String modelName, String alias, int currentVersion, int newVersion) {
        super("Alias '" + alias + "' of model '" + modelName + "' points at version " + currentVersion
                + ", whose input schema differs from version " + newVersion + "'s; pass force=true to move it anyway");
    }

}
