package com.bharatbuild.execution.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Real output of each tool, as it appears in the sandbox's terminal. */
class ProblemParserTest {

  private static List<Problem> parse(String output) {
    return ProblemParser.parseAll("/workspace", output);
  }

  @Test
  void tscInBothFormats() {
    List<Problem> problems =
        parse(
            """
            src/App.tsx(12,5): error TS2322: Type 'string' is not assignable to type 'number'.
            \u001B[96msrc/main.ts\u001B[0m:\u001B[93m3\u001B[0m:\u001B[93m7\u001B[0m - \u001B[91merror\u001B[0m\u001B[90m TS2304: \u001B[0mCannot find name 'foo'.

            Found 2 errors in 2 files.
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "src/App.tsx",
                12,
                5,
                "error",
                "TS2322: Type 'string' is not assignable to type 'number'.",
                "tsc"),
            new Problem("src/main.ts", 3, 7, "error", "TS2304: Cannot find name 'foo'.", "tsc"));
  }

  @Test
  void eslintStylish() {
    List<Problem> problems =
        parse(
            """

            /workspace/src/App.tsx
              12:5   error    'x' is assigned a value but never used  no-unused-vars
              20:1   warning  Unexpected console statement            no-console

            ✖ 2 problems (1 error, 1 warning)
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "src/App.tsx",
                12,
                5,
                "error",
                "'x' is assigned a value but never used (no-unused-vars)",
                "eslint"),
            new Problem(
                "src/App.tsx",
                20,
                1,
                "warning",
                "Unexpected console statement (no-console)",
                "eslint"));
  }

  @Test
  void esbuildAndVite() {
    List<Problem> problems =
        parse(
            """
            ✘ [ERROR] Expected ";" but found "}"

                src/main.tsx:10:4:
                  10 │   foo()
                     ╵     ^

            [vite] Internal server error: /workspace/src/App.tsx: Unexpected token (5:10)
            error during build:
            [vite:esbuild] Transform failed with 1 error:
            /workspace/src/util.ts:3:7: ERROR: Expected identifier but found "="
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "src/main.tsx", 10, 4, "error", "Expected \";\" but found \"}\"", "esbuild"),
            new Problem("src/App.tsx", 5, 10, "error", "Unexpected token", "vite"),
            new Problem(
                "src/util.ts", 3, 7, "error", "Expected identifier but found \"=\"", "esbuild"));
  }

  @Test
  void webpack() {
    List<Problem> problems =
        parse(
            """
            ERROR in ./src/index.js 5:10
            Module parse failed: Unexpected token (5:10)
            WARNING in ./src/util.js
            Module not found: Error: Can't resolve './foo' in '/workspace/src'
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "src/index.js",
                5,
                10,
                "error",
                "Module parse failed: Unexpected token (5:10)",
                "webpack"),
            new Problem(
                "src/util.js",
                0,
                0,
                "warning",
                "Module not found: Error: Can't resolve './foo' in '/workspace/src'",
                "webpack"));
  }

  @Test
  void javacAndMaven() {
    List<Problem> problems =
        parse(
            """
            [INFO] Compiling 3 source files with javac [debug release 25] to target/classes
            [ERROR] /workspace/src/main/java/com/example/App.java:[12,8] cannot find symbol
            [WARNING] /workspace/src/main/java/com/example/Old.java:[3,1] [deprecation] Date in java.util has been deprecated
            src/main/java/Hello.java:7: error: ';' expected
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "src/main/java/com/example/App.java",
                12,
                8,
                "error",
                "cannot find symbol",
                "maven"),
            new Problem(
                "src/main/java/com/example/Old.java",
                3,
                1,
                "warning",
                "[deprecation] Date in java.util has been deprecated",
                "maven"),
            new Problem("src/main/java/Hello.java", 7, 0, "error", "';' expected", "javac"));
  }

  @Test
  void pythonTracebacksPointAtTheInnermostProjectFrame() {
    List<Problem> problems =
        parse(
            """
            Traceback (most recent call last):
              File "/workspace/app.py", line 20, in <module>
                main()
              File "/workspace/lib/util.py", line 7, in main
                print(x)
              File "/workspace/.venv/lib/python3.11/site-packages/flask/app.py", line 9, in run
                raise err
            NameError: name 'x' is not defined
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "lib/util.py", 7, 0, "error", "NameError: name 'x' is not defined", "python"));
  }

  @Test
  void nodeStackTracesPointAtTheInnermostProjectFrame() {
    List<Problem> problems =
        parse(
            """
            /workspace/server.js:10
                foo()
                ^

            ReferenceError: foo is not defined
                at Object.<anonymous> (/workspace/server.js:10:5)
                at Module._compile (node:internal/modules/cjs/loader:1554:14)
            TypeError: x is not a function
                at Layer.handle (/workspace/node_modules/express/lib/router/layer.js:95:5)
                at handler (/workspace/src/routes.js:4:11)
            """);

    assertThat(problems)
        .containsExactly(
            new Problem("server.js", 10, 5, "error", "ReferenceError: foo is not defined", "node"),
            new Problem("src/routes.js", 4, 11, "error", "TypeError: x is not a function", "node"));
  }

  @Test
  void filesOutsideTheProjectAndRepeatsAreLeftOut() {
    List<Problem> problems =
        parse(
            """
            /usr/lib/node_modules/typescript/lib/lib.d.ts(1,1): error TS1000: outside
            node_modules/react/index.d.ts(2,2): error TS1001: a dependency
            src/a.ts(1,1): error TS1002: once
            src/a.ts(1,1): error TS1002: once
            """);

    assertThat(problems).extracting(Problem::file).containsExactly("src/a.ts");
  }

  @Test
  void anythingAtAllIsReadWithoutFailing() {
    Random random = new Random(42);
    ProblemParser parser = new ProblemParser("/workspace");
    assertThatCode(
            () -> {
              for (int i = 0; i < 5_000; i++) {
                StringBuilder line = new StringBuilder();
                int length = random.nextInt(120);
                for (int c = 0; c < length; c++) {
                  line.append((char) (random.nextInt(0x2FF) + 1));
                }
                parser.accept(line.toString());
                parser.accept("  at x (/workspace/" + i + ":" + i + ":1)");
              }
              parser.problems();
            })
        .doesNotThrowAnyException();
    assertThat(parser.problems().size()).isLessThanOrEqualTo(500);
  }
}
