package ai.aimass.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    private final UserRepository users = mock(UserRepository.class);

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @TempDir
    Path directory;

    @Test
    void writesAGeneratedPasswordToAnOwnerOnlyFileAndNeverLogsIt(CapturedOutput output) throws Exception {
        Path file = this.directory.resolve("secrets/admin-password");
        bootstrap("", file).createAdminIfMissing();
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        UserEntity admin = savedUser();
        assertThat(admin.getUsername()).isEqualTo("admin");
        assertThat(admin.getRole()).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(admin.getTenantId()).isNull();
        assertThat(this.encoder.matches(password, admin.getPasswordHash())).isTrue();
        assertThat(output).contains(file.toString()).doesNotContain(password);
    }

    @Test
    void usesTheConfiguredPasswordAndWritesNoFile(CapturedOutput output) {
        Path file = this.directory.resolve("admin-password");
        bootstrap("configured-password", file).createAdminIfMissing();
        assertThat(this.encoder.matches("configured-password", savedUser().getPasswordHash())).isTrue();
        assertThat(file).doesNotExist();
        assertThat(output).doesNotContain("configured-password");
    }

    @Test
    void createsNothingWhenAPlatformAdminExists() {
        given(this.users.existsByRole(Role.PLATFORM_ADMIN)).willReturn(true);
        bootstrap("configured-password", null).createAdminIfMissing();
        then(this.users).should(never()).saveAndFlush(any());
    }

    @Test
    void createsNoAdminThatNobodyCouldUse(CapturedOutput output) {
        bootstrap("", null).createAdminIfMissing();
        then(this.users).should(never()).saveAndFlush(any());
        assertThat(output).contains("aimass.security.admin-password");
    }

    private AdminBootstrap bootstrap(String password, Path file) {
        return new AdminBootstrap(this.users, this.encoder,
                new PlatformSecurityProperties(null, password, file, Duration.ofHours(1), null));
    }

    private UserEntity savedUser() {
        ArgumentCaptor<UserEntity> saved = ArgumentCaptor.forClass(UserEntity.class);
        then(this.users).should().saveAndFlush(saved.capture());
        return saved.getValue();
    }

}
