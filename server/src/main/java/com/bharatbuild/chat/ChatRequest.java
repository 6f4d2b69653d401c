package com.bharatbuild.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message for the AI.
 *
 * @param attachedFiles project files whose content goes with the message
 * @param openFile the file the user has open in the editor, for context
 * @param model a model id from {@code GET /api/v1/ai/models}; the default when absent
 */
public record ChatRequest(
    @NotNull UUID projectId,
    @NotBlank @Size(max = 100_000) String message,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 500) String> attachedFiles,
    @Nullable ChatMode mode,
    @Nullable @Size(max = 500) String openFile,
    @Nullable @Size(max = 200) String model) {

  public ChatRequest {
    attachedFiles = attachedFiles == null ? List.of() : List.copyOf(attachedFiles);
  }

  ChatMode modeOrDefault() {
    return mode == null ? ChatMode.CODE_GENERATION : mode;
  }
}
