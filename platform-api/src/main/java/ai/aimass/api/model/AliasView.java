package ai.aimass.api.model;

/**
 * An alias and the version it points at.
 *
 * @param model the model name
 * @param alias the alias
 * @param version the version number
 */
record AliasView(String model, String alias, int version) {
}
