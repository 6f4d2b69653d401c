package com.bharatbuild.lifecycle;

import java.util.List;

/** A starter project, as listed for the user to choose. */
public record TemplateView(
    String id, String name, String description, String type, List<String> techStack) {}
