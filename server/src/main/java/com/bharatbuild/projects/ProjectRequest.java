package com.bharatbuild.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a user sets on a project.
 *
 * @param type a short lower-case kind such as {@code react}, {@code node}, {@code python}, {@code
 *     java}
 * @param templateId on creation, the starter whose files the project begins with ({@code GET
 *     /templates}); its type and tech stack are used where the request gives none
 */
public record ProjectRequest(
    @NotBlank @Size(max = 255) String name,
    @Nullable @Size(max = 10_000) String description,
    @Nullable
        @Pattern(
            regexp = "[a-z0-9][a-z0-9+._-]{0,49}",
            message = "must be a short lower-case word such as react, node, python or java")
        String type,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 50) String> techStack,
    @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "must be the id of a template")
        String templateId) {}
