package ai.aimass.api.user;

import java.util.UUID;

import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.Constraints;
import ai.aimass.api.web.Timestamps;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Adds users to tenants; a login name is unique on the whole platform.
 */
@Service
public class UserService {

    /** The unique constraint on login names. */
    public static final String USERNAME_CONSTRAINT = "uq_users_username";

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    public UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Checks that a login name is free.
     * @param field the request field that holds the name, for the message
     * @param username the name
     * @throws ApiException with code {@code already_exists} when it is taken
     */
    public void requireFreeUsername(String field, String username) {
        if (this.users.existsByUsername(username)) {
            throw usernameTaken(field, username);
        }
    }

    /**
     * Builds a tenant user with a hashed password, not yet saved.
     * @param tenantId the tenant
     * @param username the login name
     * @param password the password in clear
     * @param role a tenant role
     * @return the entity
     */
    public UserEntity newTenantUser(UUID tenantId, String username, String password, Role role) {
        return new UserEntity(UUID.randomUUID(), tenantId, username, this.passwordEncoder.encode(password), role,
                Timestamps.now());
    }

    public static ApiException usernameTaken(String field, String username) {
        return ApiException.alreadyExists(
                field + ": expected a login name that no user has, found \"" + username + "\", which is taken");
    }

    UserView createUser(UUID tenantId, CreateUserRequest request) {
        if (request.role() == Role.PLATFORM_ADMIN) {
            throw ApiException.invalidInput("role: expected one of TENANT_ADMIN, DATA_SCIENTIST, VIEWER, found "
                    + "PLATFORM_ADMIN, which no tenant user can have");
        }
        requireFreeUsername("username", request.username());
        try {
            UserEntity user = this.users
                .saveAndFlush(newTenantUser(tenantId, request.username(), request.password(), request.role()));
            return UserView.of(user);
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, USERNAME_CONSTRAINT)) {
                throw usernameTaken("username", request.username());
            }
            throw ex;
        }
    }

    UserView getUser(UUID tenantId, UUID id) {
        return this.users.findByIdAndTenantId(id, tenantId)
            .map(UserView::of)
            .orElseThrow(() -> ApiException.notFound("user: expected a user of your tenant, found none with id " + id));
    }

    Page<UserEntity> listUsers(UUID tenantId, Pageable pageable) {
        return this.users.findByTenantId(tenantId, pageable);
    }

}
