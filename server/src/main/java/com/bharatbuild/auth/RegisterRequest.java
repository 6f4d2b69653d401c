package com.bharatbuild.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record RegisterRequest(
    @NotBlank @Email @Size(max = 255) String email,
    @NotBlank @Size(min = 8, max = 256, message = "must be between 8 and 256 characters long")
        String password,
    @Nullable @Size(max = 255) String name) {

  public RegisterRequest {
    // pasted addresses often carry spaces; trim before validation sees them
    email = email == null ? null : email.strip();
  }
}
