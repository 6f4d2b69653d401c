package com.bharatbuild.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bharatbuild.projects.ProjectProblems.InvalidPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilePathTest {

  @ParameterizedTest
  @CsvSource({
    "src/App.tsx, src/App.tsx",
    "./src/App.tsx, src/App.tsx",
    "src//App.tsx, src/App.tsx",
    "src/./components/./B.tsx, src/components/B.tsx",
    "a b/c d.txt, a b/c d.txt",
    ".env, .env",
    "..hidden, ..hidden",
    "dir/...three, dir/...three"
  })
  void normalisesHarmlessVariants(String raw, String expected) {
    assertThat(FilePath.of(raw).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../x | .. segment",
        "a/../../x | .. segment",
        "a/.. | .. segment",
        "/abs | start with /",
        "C:/x | drive",
        "a\\b | separator",
        "dir/ | folder",
        "./ | folder",
        "' /x' | white space"
      })
  void refusesUnsafePathsWithAReason(String raw, String reason) {
    assertThatThrownBy(() -> FilePath.of(raw))
        .isInstanceOf(InvalidPath.class)
        .hasMessageContaining(reason);
  }

  @Property
  void normalisingIsIdempotentAndNeverEscapes(@ForAll("messyPaths") String raw) {
    try {
      FilePath path = FilePath.of(raw);
      assertThat(FilePath.of(path.value())).isEqualTo(path);
      assertThat(path.value()).doesNotStartWith("/").doesNotContain("//");
      assertThat(path.value().split("/")).doesNotContain("..", ".", "");
      assertThat(path.value().length()).isLessThanOrEqualTo(FilePath.MAX_LENGTH);
      assertThat(path.value().chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
    } catch (InvalidPath refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> messyPaths() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of("..", ".", "", "src", "App.tsx", "a b", "\u0000", "\\", "C:", "é"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
    return segment.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("/", parts));
  }

  @ParameterizedTest
  @CsvSource({
    "src/App.tsx, typescript",
    "index.JS, javascript",
    "main.py, python",
    "Dockerfile, dockerfile",
    "styles/site.css, css",
    "Makefile, makefile",
    "README, plaintext",
    ".gitignore, plaintext",
    "archive.unknownext, plaintext"
  })
  void languageComesFromTheName(String path, String language) {
    assertThat(Languages.of(FilePath.of(path))).isEqualTo(language);
  }
}
