package ai.aimass.api.apikey;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API keys of the caller's tenant, with which devices predict and remote participants
 * take part in jobs.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "api-keys")
class ApiKeyController {

    private final ApiKeyService apiKeyService;

    private final Paging paging;

    ApiKeyController(ApiKeyService apiKeyService, Paging paging) {
        this.apiKeyService = apiKeyService;
        this.paging = paging;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key; the answer is the only one that shows its secret")
    CreatedApiKey createKey(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        return this.apiKeyService.createKey(caller, request);
    }

    @GetMapping
    @Operation(summary = "List your tenant's API keys, newest first, without secrets")
    PageView<ApiKeyView> listKeys(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(
                this.apiKeyService.listKeys(caller,
                        this.paging.request(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))),
                ApiKeyView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key; it stops working at once")
    void revokeKey(Caller caller, @PathVariable String id) {
        this.apiKeyService.revokeKey(caller, id);
    }

}
