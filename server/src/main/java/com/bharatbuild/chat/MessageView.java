package com.bharatbuild.chat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chat message.
 *
 * @param role {@code user} or {@code assistant}
 * @param status {@code complete}, {@code streaming}, {@code cancelled}, {@code error} or {@code
 *     interrupted}
 * @param replyTo for an assistant message, the user message it answers
 */
public record MessageView(
    UUID id,
    String role,
    String content,
    List<String> attachedFiles,
    List<OperationView> operations,
    long tokensUsed,
    String status,
    @Nullable UUID replyTo,
    OffsetDateTime createdAt) {}
