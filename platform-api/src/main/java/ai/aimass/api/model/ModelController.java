package ai.aimass.api.model;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model registry of the caller's tenant: models, their versions and aliases.
 */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "models")
class ModelController {

    private final ModelService modelService;

    private final Paging paging;

    ModelController(ModelService modelService, Paging paging) {
        this.modelService = modelService;
        this.paging = paging;
    }

    @GetMapping
    @Operation(summary = "List your tenant's models, by name, with their aliases")
    PageView<ModelView> listModels(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(this.modelService.listModels(caller, this.paging.request(page, size, Sort.by("name"))));
    }

    @GetMapping("/{name}")
    @Operation(summary = "Read a model and its aliases")
    ModelView getModel(Caller caller, @PathVariable String name) {
        return this.modelService.getModel(caller, name);
    }

    @GetMapping("/{name}/versions")
    @Operation(summary = "List a model's versions, newest first, with metrics, provenance and aliases")
    PageView<ModelVersionView> listVersions(Caller caller, @PathVariable String name,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        this.paging.check(page, size);
        return PageView.of(this.modelService.listVersions(caller, name, page, size));
    }

    @PutMapping("/{name}/aliases/{alias}")
    @Operation(summary = "Point an alias at a version; refused with schema_mismatch when the input schema "
            + "changes, unless force is true")
    AliasView moveAlias(Caller caller, @PathVariable String name, @PathVariable String alias,
            @Valid @RequestBody MoveAliasRequest request) {
        return this.modelService.moveAlias(caller, name, alias, request);
    }

}
