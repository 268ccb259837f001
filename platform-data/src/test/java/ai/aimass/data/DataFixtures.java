package ai.aimass.data;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobRepository;
import ai.aimass.data.tenant.TenantEntity;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;

import org.springframework.stereotype.Component;

/** Rows the persistence tests build on: fresh tenants with a user, and queued jobs. */
@Component
public class DataFixtures {

    private final TenantRepository tenants;

    private final UserRepository users;

    private final JobRepository jobs;

    DataFixtures(TenantRepository tenants, UserRepository users, JobRepository jobs) {
        this.tenants = tenants;
        this.users = users;
        this.jobs = jobs;
    }

    /** A tenant of its own and one data scientist in it. */
    public record TenantWithUser(UUID tenantId, UUID userId) {
    }

    public TenantWithUser tenantWithUser() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantEntity tenant = this.tenants
            .save(new TenantEntity(UUID.randomUUID(), "tenant-" + suffix, "Tenant " + suffix, Instant.now()));
        UserEntity user = this.users.save(new UserEntity(UUID.randomUUID(), tenant.getId(), "user-" + suffix,
                "{noop}unused", Role.DATA_SCIENTIST, Instant.now()));
        return new TenantWithUser(tenant.getId(), user.getId());
    }

    /** A queued job of the given kind in a fresh tenant. */
    public JobEntity queuedJob(String kind, int rounds) {
        return queuedJob(kind, rounds, "any");
    }

    /** A queued job that asks for the given accelerator. */
    public JobEntity queuedJob(String kind, int rounds, String accelerator) {
        TenantWithUser owner = tenantWithUser();
        JobEntity job = new JobEntity(UUID.randomUUID(), owner.tenantId(), kind, "{}", rounds, owner.userId(),
                Instant.now());
        job.setAccelerator(accelerator);
        return this.jobs.save(job);
    }

}
