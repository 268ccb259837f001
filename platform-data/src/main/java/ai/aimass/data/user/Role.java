package ai.aimass.data.user;

/** What a user may do; a platform admin belongs to no tenant, every other role to one. */
public enum Role {

    PLATFORM_ADMIN, TENANT_ADMIN, DATA_SCIENTIST, VIEWER

}
