package com.bharatbuild.projects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where starter projects come from. The projects module only asks for one by id; another module
 * ships the templates.
 */
public interface ProjectTemplates {

  /** A starter: what it is and the files a new project gets. */
  record Template(
      String id,
      String name,
      String description,
      String type,
      List<String> techStack,
      Map<String, String> files) {}

  Optional<Template> find(String id);
}
