package ai.aimass.api.apikey;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An API key to create for the caller's tenant.
 *
 * @param name what the key is for, such as the device, 1 to 100 characters
 * @param scopes {@code predict} and/or {@code participate}; {@code predict} when absent
 */
record CreateApiKeyRequest(@NotBlank(message = "expected a name for the key") @Size(max = 100,
        message = "expected at most 100 characters") String name, List<String> scopes) {
}
