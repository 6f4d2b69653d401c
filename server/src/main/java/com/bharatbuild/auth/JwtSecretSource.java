package com.bharatbuild.auth;

import com.bharatbuild.shared.config.DataDirectory;
import com.bharatbuild.shared.config.DatabaseKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the access-token signing key comes from: {@code JWT_SECRET}, or on the embedded install a
 * random secret generated once and kept in the data directory. A server on a shared database
 * refuses to start without {@code JWT_SECRET}, because instances with generated secrets would
 * reject each other's tokens.
 */
final class JwtSecretSource {

  static final int MIN_SECRET_BYTES = 32;
  private static final String FILE_NAME = "jwt-secret";

  private JwtSecretSource() {}

  static SecretKey resolve(String configured, DatabaseKind database, DataDirectory dataDirectory) {
    byte[] secret;
    if (!configured.isBlank()) {
      secret = configured.getBytes(StandardCharsets.UTF_8);
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalStateException(
            "JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
      }
    } else if (database.isEmbedded()) {
      secret = generatedSecret(dataDirectory.resolve(FILE_NAME));
    } else {
      throw new IllegalStateException(
          "Set JWT_SECRET (at least 32 random bytes) when running on a shared database");
    }
    return new SecretKeySpec(secret, "HmacSHA256");
  }

  private static byte[] generatedSecret(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      byte[] secret = new byte[64];
      new SecureRandom().nextBytes(secret);
      Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      trySetOwnerOnly(temp);
      Files.writeString(temp, Base64.getEncoder().encodeToString(secret));
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the JWT secret in " + file, e);
    }
  }

  private static void trySetOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the data directory's ACL
    }
  }
}
