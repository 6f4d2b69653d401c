package com.bharatbuild.projects;

import java.util.Locale;
import java.util.Map;

/** The editor language of a file, from its name, in Monaco's identifiers. */
public final class Languages {

  private static final Map<String, String> BY_FILE_NAME =
      Map.of(
          "Dockerfile", "dockerfile",
          "Makefile", "makefile",
          ".gitignore", "plaintext",
          ".env", "plaintext");

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("ts", "typescript"),
          Map.entry("tsx", "typescript"),
          Map.entry("mts", "typescript"),
          Map.entry("cts", "typescript"),
          Map.entry("js", "javascript"),
          Map.entry("jsx", "javascript"),
          Map.entry("mjs", "javascript"),
          Map.entry("cjs", "javascript"),
          Map.entry("json", "json"),
          Map.entry("html", "html"),
          Map.entry("htm", "html"),
          Map.entry("css", "css"),
          Map.entry("scss", "scss"),
          Map.entry("less", "less"),
          Map.entry("md", "markdown"),
          Map.entry("mdx", "markdown"),
          Map.entry("py", "python"),
          Map.entry("java", "java"),
          Map.entry("kt", "kotlin"),
          Map.entry("kts", "kotlin"),
          Map.entry("go", "go"),
          Map.entry("rs", "rust"),
          Map.entry("rb", "ruby"),
          Map.entry("php", "php"),
          Map.entry("c", "c"),
          Map.entry("h", "c"),
          Map.entry("cpp", "cpp"),
          Map.entry("hpp", "cpp"),
          Map.entry("cs", "csharp"),
          Map.entry("swift", "swift"),
          Map.entry("sh", "shell"),
          Map.entry("bash", "shell"),
          Map.entry("yml", "yaml"),
          Map.entry("yaml", "yaml"),
          Map.entry("toml", "ini"),
          Map.entry("ini", "ini"),
          Map.entry("properties", "ini"),
          Map.entry("xml", "xml"),
          Map.entry("svg", "xml"),
          Map.entry("sql", "sql"),
          Map.entry("graphql", "graphql"),
          Map.entry("vue", "html"),
          Map.entry("svelte", "html"),
          Map.entry("txt", "plaintext"));

  private Languages() {}

  public static String of(FilePath path) {
    String name = path.fileName();
    String known = BY_FILE_NAME.get(name);
    if (known != null) {
      return known;
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return "plaintext";
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "plaintext");
  }
}
