package ai.aimass.api.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Where to point an alias.
 *
 * @param version the version number of the same model
 * @param force whether to move the alias even when the version takes another input schema
 * than the one the alias points at now; false when absent
 */
record MoveAliasRequest(@NotNull(message = "expected a version number") @Min(value = 1,
        message = "expected a version number of 1 or more") Integer version, Boolean force) {
}
