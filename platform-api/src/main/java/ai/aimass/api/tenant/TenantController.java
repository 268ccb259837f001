package ai.aimass.api.tenant;

import java.net.URI;
import java.util.UUID;

import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants, managed by platform admins.
 */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "tenants")
class TenantController {

    private final TenantService tenantService;

    private final Paging paging;

    TenantController(TenantService tenantService, Paging paging) {
        this.tenantService = tenantService;
        this.paging = paging;
    }

    @PostMapping
    @Operation(summary = "Create a tenant and its first tenant admin")
    ResponseEntity<CreatedTenant> createTenant(@Valid @RequestBody CreateTenantRequest request) {
        CreatedTenant tenant = this.tenantService.createTenant(request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(tenant);
    }

    @GetMapping
    @Operation(summary = "List the tenants, by name")
    PageView<TenantView> listTenants(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        return PageView.of(this.tenantService.listTenants(this.paging.request(page, size, Sort.by("name"))),
                TenantView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a tenant")
    TenantView getTenant(@PathVariable UUID id) {
        return TenantView.of(this.tenantService.getTenant(id));
    }

}
