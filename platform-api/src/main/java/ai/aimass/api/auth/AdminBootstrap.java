package ai.aimass.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import ai.aimass.api.web.Timestamps;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform admin, {@value #ADMIN_USERNAME}, when the platform has none.
 * <p>
 * The password comes from {@code aimass.security.admin-password}. When that is empty a
 * strong one is generated and written to {@code aimass.security.admin-password-file} with
 * mode 0600; the log says where, never what. Without either, no admin is created, because
 * nobody could ever log in as it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    /** The login name of the first platform admin. */
    static final String ADMIN_USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private static final int GENERATED_PASSWORD_BYTES = 24;

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final PlatformSecurityProperties properties;

    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder, PlatformSecurityProperties properties) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfMissing();
    }

    void createAdminIfMissing() {
        if (this.users.existsByRole(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (this.users.existsByUsername(ADMIN_USERNAME)) {
            log.warn("No platform admin exists and the name '{}' belongs to a tenant user; create a platform admin "
                    + "in the users table by hand", ADMIN_USERNAME);
            return;
        }
        String configured = this.properties.adminPassword();
        Path file = this.properties.adminPasswordFile();
        if ((configured == null || configured.isEmpty()) && file == null) {
            log.warn("No platform admin exists and none was created: set aimass.security.admin-password "
                    + "(AIMASS_ADMIN_PASSWORD) or aimass.security.admin-password-file");
            return;
        }
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? generatePassword() : configured;
        if (generated) {
            // Written before the user exists, so that a failure leaves no admin nobody
            // can use.
            writePasswordFile(file, password);
        }
        try {
            this.users.saveAndFlush(new UserEntity(UUID.randomUUID(), null, ADMIN_USERNAME,
                    this.passwordEncoder.encode(password), Role.PLATFORM_ADMIN, Timestamps.now()));
        }
        catch (DataIntegrityViolationException ex) {
            log.info("Another replica created the platform admin '{}' first", ADMIN_USERNAME);
            return;
        }
        if (generated) {
            log.info("Created the platform admin '{}'; its generated password is in {}", ADMIN_USERNAME, file);
        }
        else {
            log.info("Created the platform admin '{}' with the password of aimass.security.admin-password",
                    ADMIN_USERNAME);
        }
    }

    private String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePasswordFile(Path file, String password) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".admin-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the admin password file " + file
                    + "; fix its directory or set aimass.security.admin-password", ex);
        }
    }

}
