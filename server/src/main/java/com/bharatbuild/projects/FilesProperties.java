package com.bharatbuild.projects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFileBytes the largest file content accepted, in UTF-8 bytes
 * @param maxFilesPerProject the most files one project may hold
 */
@ConfigurationProperties("bharatbuild.files")
record FilesProperties(
    @DefaultValue("1048576") long maxFileBytes, @DefaultValue("10000") int maxFilesPerProject) {}
