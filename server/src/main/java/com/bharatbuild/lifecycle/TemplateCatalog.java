package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.ProjectTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates shipped in the server under {@code templates/<id>/}: a {@code template.json} that
 * describes it and the project's files under {@code files/}. Read once at start-up.
 */
@Component
class TemplateCatalog implements ProjectTemplates {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ROOT = "templates/";

  private final Map<String, Template> templates = new LinkedHashMap<>();

  TemplateCatalog() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      record Entry(int order, Template template) {}
      List<Entry> entries = new java.util.ArrayList<>();
      for (Resource manifest : resolver.getResources("classpath*:" + ROOT + "*/template.json")) {
        String url = manifest.getURL().toString();
        String base = url.substring(0, url.length() - "template.json".length());
        String id = base.substring(0, base.length() - 1);
        id = id.substring(id.lastIndexOf('/') + 1);
        JsonNode description = JSON.readTree(read(manifest));
        Map<String, String> files = new LinkedHashMap<>();
        for (Resource file : resolver.getResources(base + "files/**")) {
          String fileUrl = file.getURL().toString();
          if (fileUrl.endsWith("/") || !file.isReadable()) {
            continue;
          }
          files.put(fileUrl.substring((base + "files/").length()), read(file));
        }
        List<String> stack = new java.util.ArrayList<>();
        for (JsonNode technology : description.path("techStack")) {
          stack.add(technology.asString());
        }
        entries.add(
            new Entry(
                description.path("order").asInt(100),
                new Template(
                    id,
                    description.path("name").asString(id),
                    description.path("description").asString(""),
                    description.path("type").asString(""),
                    List.copyOf(stack),
                    Map.copyOf(files))));
      }
      entries.stream()
          .sorted(Comparator.comparingInt(Entry::order))
          .forEach(entry -> templates.put(entry.template().id(), entry.template()));
    } catch (IOException e) {
      throw new UncheckedIOException("The project templates cannot be read", e);
    }
  }

  @Override
  public Optional<Template> find(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  List<TemplateView> list() {
    return templates.values().stream()
        .map(t -> new TemplateView(t.id(), t.name(), t.description(), t.type(), t.techStack()))
        .toList();
  }

  private static String read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
