package ai.aimass.api.tenant;

import java.util.UUID;

import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.Constraints;
import ai.aimass.api.user.UserService;
import ai.aimass.api.user.UserView;
import ai.aimass.api.web.Timestamps;
import ai.aimass.data.tenant.TenantEntity;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates tenants, each with its first tenant admin, in one transaction.
 */
@Service
class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);

    private static final String NAME_CONSTRAINT = "uq_tenants_name";

    private final TenantRepository tenants;

    private final UserRepository users;

    private final UserService userService;

    private final TransactionTemplate transaction;

    TenantService(TenantRepository tenants, UserRepository users, UserService userService,
            TransactionTemplate transaction) {
        this.tenants = tenants;
        this.users = users;
        this.userService = userService;
        this.transaction = transaction;
    }

    CreatedTenant createTenant(CreateTenantRequest request) {
        if (this.tenants.existsByName(request.name())) {
            throw nameTaken(request.name());
        }
        this.userService.requireFreeUsername("admin.username", request.admin().username());
        String displayName = (request.displayName() == null || request.displayName().isBlank()) ? request.name()
                : request.displayName();
        TenantEntity tenant = new TenantEntity(UUID.randomUUID(), request.name(), displayName, Timestamps.now());
        UserEntity admin = this.userService.newTenantUser(tenant.getId(), request.admin().username(),
                request.admin().password(), Role.TENANT_ADMIN);
        try {
            this.transaction.executeWithoutResult((status) -> {
                this.tenants.saveAndFlush(tenant);
                this.users.saveAndFlush(admin);
            });
        }
        catch (DataIntegrityViolationException ex) {
            throw conflict(ex, request);
        }
        log.info("Created tenant id={} name={} with its first admin", tenant.getId(), tenant.getName());
        return new CreatedTenant(tenant.getId(), tenant.getName(), tenant.getDisplayName(), tenant.getCreatedAt(),
                UserView.of(admin));
    }

    Page<TenantEntity> listTenants(Pageable pageable) {
        return this.tenants.findAll(pageable);
    }

    TenantEntity getTenant(UUID id) {
        return this.tenants.findById(id)
            .orElseThrow(() -> ApiException.notFound("tenant: expected an existing tenant, found none with id " + id));
    }

    private static RuntimeException conflict(DataIntegrityViolationException ex, CreateTenantRequest request) {
        if (Constraints.violated(ex, NAME_CONSTRAINT)) {
            return nameTaken(request.name());
        }
        if (Constraints.violated(ex, UserService.USERNAME_CONSTRAINT)) {
            return UserService.usernameTaken("admin.username", request.admin().username());
        }
        return ex;
    }

    private static ApiException nameTaken(String name) {
        return ApiException
            .alreadyExists("name: expected a tenant name that no tenant has, found \"" + name + "\", which is taken");
    }

}
