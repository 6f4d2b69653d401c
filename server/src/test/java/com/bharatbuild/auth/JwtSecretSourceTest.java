package com.bharatbuild.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.shared.config.DataDirectory;
import com.bharatbuild.shared.config.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretSourceTest {

  @TempDir Path dir;

  @Test
  void theEmbeddedInstallGeneratesOneSecretAndKeepsIt() throws Exception {
    DataDirectory data = new DataDirectory(dir.toString());

    SecretKey first = JwtSecretSource.resolve("", new DatabaseKind(true), data);
    SecretKey second = JwtSecretSource.resolve("", new DatabaseKind(true), data);

    assertThat(first.getEncoded()).hasSize(64).isEqualTo(second.getEncoded());
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt-secret"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSharedDatabaseRefusesToStartWithoutASecret() {
    assertThatThrownBy(
            () ->
                JwtSecretSource.resolve(
                    " ", new DatabaseKind(false), new DataDirectory(dir.toString())))
        .hasMessageContaining("Set JWT_SECRET");
    assertThat(dir.resolve("jwt-secret")).doesNotExist();
  }

  @Test
  void aConfiguredSecretMustBeLongEnough() {
    assertThatThrownBy(
            () ->
                JwtSecretSource.resolve(
                    "short", new DatabaseKind(false), new DataDirectory(dir.toString())))
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void aConfiguredSecretIsUsedAsGiven() {
    String secret = "0123456789abcdef0123456789abcdef";

    SecretKey key =
        JwtSecretSource.resolve(secret, new DatabaseKind(false), new DataDirectory(dir.toString()));

    assertThat(new String(key.getEncoded())).isEqualTo(secret);
  }
}
