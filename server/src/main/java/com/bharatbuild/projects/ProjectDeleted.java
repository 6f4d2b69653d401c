package com.bharatbuild.projects;

import java.util.UUID;

/**
 * A project and everything in its database rows are gone; whatever lives beside them must go too.
 */
public record ProjectDeleted(UUID projectId, UUID ownerId) {}
