package com.bharatbuild.edits.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of jsdiff's patch-application suite, re-expressed as our own fixtures.
 *
 * <p>Source: {@code test/patch/apply.js} of https://github.com/kpdecker/jsdiff (BSD-3-Clause), read
 * at commit 2d923cea1dffc832b6e4ba0c6e3eec1f742faa3c. No code is copied: each case here takes the
 * file text and the diff of one jsdiff assertion and states what our engine must do with them.
 * Where jsdiff's semantics and ours match, the expectation is jsdiff's. Where our engine differs on
 * purpose, the expectation is what our rules give, and the case says why (see {@link PatchApplier}:
 * no fuzz on non-blank context, tolerated line numbers and counts, the file keeps its own line
 * endings, hunks without context only at the start or end of a file).
 *
 * <p>Not ported: cases about jsdiff's API alone (parsed or structured patch objects, multiple
 * indexes, the {@code compareLine} callback, the {@code fuzzFactor} argument validation, {@code
 * autoConvertLineEndings: false}, the asynchronous {@code applyPatches}), and cases whose diff
 * jsdiff generates at run time in a way we would have to guess.
 */
class JsdiffApplyCasesTest {

  /**
   * One jsdiff assertion.
   *
   * @param name the jsdiff test it comes from, and which assertion when it has several
   * @param file the file's text
   * @param diff the diff
   * @param expected the file's new text, or null when the patch must be refused
   */
  record Case(String name, String file, String diff, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** jsdiff's usual headers: an {@code Index:} line, a rule and tab-separated timestamps. */
  private static final String INDEX_HEADERS =
      "Index: test\n"
          + "===================================================================\n"
          + "--- test\theader1\n"
          + "+++ test\theader2\n";

  private static final String HEADERS = "--- test\theader1\n+++ test\theader2\n";

  private static final String FUZZ_DIFF =
      "--- foo.txt\t2024-07-19 09:58:02.489059795 +0100\n"
          + "+++ bar.txt\t2024-07-19 09:58:24.768153252 +0100\n"
          + "@@ -2,8 +2,8 @@\n"
          + " line2\n"
          + " line3\n"
          + " line4\n"
          + "+line5\n"
          + " line6\n"
          + " line7\n"
          + " line8\n"
          + "-line9\n"
          + " line10\n";

  private static final String LAST_LINE_NO_NEWLINE_DIFF =
      "Index: file.txt\n"
          + "===================================================================\n"
          + "--- file.txt\n"
          + "+++ file.txt\n"
          + "@@ -1,4 +1,4 @@\n"
          + " foo\n"
          + " bar\n"
          + " baz\n"
          + "-banana\n"
          + "\\ No newline at end of file\n"
          + "+babaco\n"
          + "\\ No newline at end of file\n";

  private static final String MIXED_ENDINGS_DIFF =
      "Index: testFileName\r\n"
          + "===================================================================\r\n"
          + "--- testFileName\tOld Header\r\n+++ testFileName\tNew Header\r\n"
          + "@@ -2,2 +2,3 @@\r\n-bar\r\n-baz\r\n+new\r\n+two\r\n+three\r\n";

  private static final String INTRO_LESS_5 =
      "Horgle worgle borgle introductory text\n"
          + "Wiggly jiggly piggly introductory text\n"
          + "A B C introductory text\n"
          + "1 2 3 introductory text\n"
          + "Baa oink moo introductory text\n"
          + "Probably enough introductory text\n"
          + "Incy wincy mincy introductory text\n";

  private static final String INTRO =
      "Bla bla bla introductory text\n"
          + "Foo bar baz introductory text\n"
          + "Fworble worble glorble introductory text\n"
          + "Need to be at least 6 lines of introductory text\n"
          + "Jingle jangle jungle introductory text\n"
          + INTRO_LESS_5;

  private static final String FIVE_MORE = "line1\nline2\nline3\nline4\nline5\n";

  private static final String VERSE =
      "There was an old man named Michael Finnegan\n"
          + "He had whiskers on his chinnegan\n"
          + "The wind came along and blew them in again\n"
          + "Poor old Michael Finnegan, begin again\n";

  /**
   * The two hunks are written for the file {@code verses(INTRO, ...)}: the first removes an
   * introductory line, the second renames the man in the 4th of six identical verses. Only the line
   * number (moved by the offset at which the first hunk was found) tells which verse.
   */
  private static final String VERSES_DIFF =
      "--- foo.txt\t2024-07-19 12:28:25.056182029 +0100\n"
          + "+++ bar.txt\t2024-07-19 12:28:13.036639136 +0100\n"
          + "@@ -9,7 +9,6 @@\n"
          + " 1 2 3 introductory text\n"
          + " Baa oink moo introductory text\n"
          + " Probably enough introductory text\n"
          + "-Incy wincy mincy introductory text\n"
          + " \n"
          + " Three repeated verses:\n"
          + " \n"
          + "@@ -28,7 +27,7 @@\n"
          + " The wind came along and blew them in again\n"
          + " Poor old Michael Finnegan, begin again\n"
          + " \n"
          + "-There was an old man named Michael Finnegan\n"
          + "+There was an old man named Bob\n"
          + " He had whiskers on his chinnegan\n"
          + " The wind came along and blew them in again\n"
          + " Poor old Michael Finnegan, begin again\n";

  /** The intro, a title and six verses separated by blank lines; verse {@code bob} renamed. */
  private static String verses(String intro, int bob, boolean renamed) {
    StringBuilder text = new StringBuilder(intro).append("\nThree repeated verses:\n");
    for (int verse = 1; verse <= 6; verse++) {
      String lines =
          renamed && verse == bob ? VERSE.replace("named Michael Finnegan", "named Bob") : VERSE;
      text.append('\n').append(lines);
    }
    return text.toString();
  }

  static Stream<Case> cases() {
    return Stream.of(
        // ---- should apply patches that change the last line
        new Case(
            "change the last line: add before the last line",
            "line2\nline3\nline5\n",
            INDEX_HEADERS + "@@ -1,3 +1,4 @@\n line2\n line3\n+line4\n line5\n",
            "line2\nline3\nline4\nline5\n"),
        new Case(
            "change the last line: append after the last line",
            "line2\nline3\nline4\n",
            INDEX_HEADERS + "@@ -1,3 +1,4 @@\n line2\n line3\n line4\n+line5\n",
            "line2\nline3\nline4\nline5\n"),
        new Case(
            "change the last line: added line written before the removed one",
            "line1\nline2\nline3\nline4\n",
            INDEX_HEADERS + "@@ -1,4 +1,4 @@\n line1\n line2\n line3\n+line44\n-line4\n",
            "line1\nline2\nline3\nline44\n"),
        new Case(
            "change the last line: two added lines before the removed one",
            "line1\nline2\nline3\nline4\n",
            INDEX_HEADERS + "@@ -1,4 +1,5 @@\n line1\n line2\n line3\n+line44\n+line5\n-line4\n",
            "line1\nline2\nline3\nline44\nline5\n"),
        // ---- should merge EOFNL
        new Case(
            "merge EOFNL: new side drops the final newline",
            "line1\nline2\nline3\nline4\n",
            INDEX_HEADERS
                + "@@ -1,4 +1,4 @@\n line1\n line2\n line3\n+line4\n"
                + "\\ No newline at end of file\n-line4\n",
            "line1\nline2\nline3\nline4"),
        new Case(
            "merge EOFNL: new side adds the final newline",
            "line1\nline2\nline3\nline4",
            INDEX_HEADERS
                + "@@ -1,4 +1,4 @@\n line1\n line2\n line3\n+line4\n-line4\n"
                + "\\ No newline at end of file\n",
            "line1\nline2\nline3\nline4\n"),
        new Case(
            "merge EOFNL: marker on a context line keeps the missing final newline",
            "line11\nline2\nline3\nline4",
            INDEX_HEADERS
                + "@@ -1,4 +1,4 @@\n+line1\n-line11\n line2\n line3\n line4\n"
                + "\\ No newline at end of file\n",
            "line1\nline2\nline3\nline4"),
        new Case(
            "merge EOFNL: hunk ending before the end of a file without final newline",
            "line11\nline2\nline3\nline4\nline4\nline4\nline4",
            INDEX_HEADERS + "@@ -1,5 +1,5 @@\n+line1\n-line11\n line2\n line3\n line4\n line4\n",
            "line1\nline2\nline3\nline4\nline4\nline4\nline4"),
        new Case(
            "merge EOFNL: an empty line in the hunk is a blank context line",
            "line11\nline2\n\nline4",
            INDEX_HEADERS
                + "@@ -1,4 +1,4 @@\n+line1\n-line11\n line2\n\n line4\n"
                + "\\ No newline at end of file\n",
            "line1\nline2\n\nline4"),
        // ---- should apply patches
        new Case(
            "apply patches: three hunks on a file of repeated context lines",
            "value\n"
                + "context\n".repeat(9)
                + "remove value\n"
                + "context\n".repeat(9)
                + "remove value\n"
                + "context\n".repeat(12)
                + "value\n"
                + "context\ncontext",
            "Index: testFileName\n"
                + "===================================================================\n"
                + "--- testFileName\tOld Header\n"
                + "+++ testFileName\tNew Header\n"
                + "@@ -1,5 +1,6 @@\n"
                + "+new value\n+new value 2\n-value\n"
                + " context\n".repeat(4)
                + "@@ -7,9 +8,8 @@\n"
                + " context\n".repeat(4)
                + "-remove value\n"
                + " context\n".repeat(4)
                + "@@ -17,20 +17,21 @@\n"
                + " context\n".repeat(4)
                + "-remove value\n"
                + " context\n".repeat(8)
                + "+add value\n"
                + " context\n".repeat(4)
                + "+new value\n+new value 2\n-value\n"
                + " context\n context\n"
                + "\\ No newline at end of file\n",
            "new value\nnew value 2\n"
                + "context\n".repeat(26)
                + "add value\n"
                + "context\n".repeat(4)
                + "new value\nnew value 2\n"
                + "context\ncontext"),
        // jsdiff returns the file unchanged for a patch of headers only. We refuse it
        // (MALFORMED_DIFF): an operation that says "modify" but carries no hunk is a model mistake
        // the user should see, not a silent success.
        new Case(
            "apply patches: headers only, no hunk (we refuse; jsdiff: unchanged)",
            "value\ncontext\n",
            "Index: testFileName\n"
                + "===================================================================\n"
                + "--- testFileName\tOld Header\n"
                + "+++ testFileName\tNew Header\n",
            null),
        // ---- should apply patches that lack an index header
        new Case(
            "lacks an index header",
            "line2\nline3\nline5\n",
            HEADERS + "@@ -1,3 +1,4 @@\n line2\n line3\n+line4\n line5\n",
            "line2\nline3\nline4\nline5\n"),
        // ---- zero context, zero removed: insertions
        // In the middle of a file a hunk with neither context nor removed lines gives no way to
        // check that it is in the right place (the stated line may be stale), so our engine
        // refuses it (NO_CONTEXT); jsdiff trusts the number. At the start or end of the file it is
        // safe, and both apply it.
        new Case(
            "single line, zero context, zero removed, mid-file (we refuse: NO_CONTEXT)",
            "line2\nline3\nline5\n",
            HEADERS + "@@ -2,0 +3 @@\n+line4\n",
            null),
        new Case(
            "multi line, zero context, zero removed, mid-file (we refuse: NO_CONTEXT)",
            "line2\nline3\nline7\n",
            HEADERS + "@@ -2,0 +3,3 @@\n+line4\n+line5\n+line6\n",
            null),
        new Case(
            "single line, zero context, zero removed, start of file",
            "line2\nline3\n",
            HEADERS + "@@ -0,0 +1 @@\n+line1\n",
            "line1\nline2\nline3\n"),
        new Case(
            "multi line, zero context, zero removed, start of file",
            "line3\nline4\n",
            HEADERS + "@@ -0,0 +1,2 @@\n+line1\n+line2\n",
            "line1\nline2\nline3\nline4\n"),
        new Case(
            "single line, zero context, zero removed, end of file",
            "line1\n",
            HEADERS + "@@ -1,0 +2 @@\n+line2\n",
            "line1\nline2\n"),
        new Case(
            "multi line, zero context, zero removed, end of file",
            "line1\n",
            HEADERS + "@@ -1,0 +2,2 @@\n+line2\n+line3\n",
            "line1\nline2\nline3\n"),
        // ---- zero context, zero added: deletions
        new Case(
            "single line, zero context, zero added, start of file",
            "line1\nline2\n",
            HEADERS + "@@ -1 +0,0 @@\n-line1\n",
            "line2\n"),
        new Case(
            "multi line, zero context, zero added, start of file",
            "line1\nline2\nline3\n",
            HEADERS + "@@ -1,2 +0,0 @@\n-line1\n-line2\n",
            "line3\n"),
        new Case(
            "single line, zero context, zero added, end of file",
            "line1\nline2\n",
            HEADERS + "@@ -2 +1,0 @@\n-line2\n",
            "line1\n"),
        new Case(
            "multi line, zero context, zero added, end of file",
            "line1\nline2\nline3\n",
            HEADERS + "@@ -2,2 +1,0 @@\n-line2\n-line3\n",
            "line1\n"),
        // ---- mismatches
        new Case(
            "fail on mismatch",
            "line2\nline2\nline5\n",
            HEADERS + "@@ -1,3 +1,4 @@\n line2\n line3\n+line4\n line5\n",
            null),
        new Case(
            "line to delete matches: applies",
            "foo\nbar\nbaz\nqux\n",
            "Index: foo.txt\n"
                + "===================================================================\n"
                + "--- foo.txt\n+++ foo.txt\n"
                + "@@ -1,4 +1,3 @@\n foo\n-bar\n baz\n qux\n",
            "foo\nbaz\nqux\n"),
        new Case(
            "line to delete does not match: refused even with fuzz",
            "foo\nSOMETHING ENTIRELY DIFFERENT\nbaz\nqux\n",
            "Index: foo.txt\n"
                + "===================================================================\n"
                + "--- foo.txt\n+++ foo.txt\n"
                + "@@ -1,4 +1,3 @@\n foo\n-bar\n baz\n qux\n",
            null),
        new Case(
            "line after an insertion does not match: refused",
            "lineA\nlineB\nlineC\nlineD\nlineE\n",
            HEADERS + "@@ -1,5 +1,6 @@\n lineA\n lineB\n lineC\n+lineNEW\n lineX\n lineE\n",
            null),
        new Case(
            "line before an insertion does not match: refused",
            "lineA\nlineB\nlineC\nlineD\nlineE\n",
            HEADERS + "@@ -1,5 +1,6 @@\n lineA\n lineB\n lineX\n+lineNEW\n lineD\n lineE\n",
            null),
        // ---- fuzz factor
        // jsdiff applies these four only when the caller passes a fuzz factor (its default is 0,
        // which refuses them). Our engine has no fuzz on non-blank context: a context line that
        // is not in the file, or a file line the hunk does not mention, means the model's picture
        // of the file is wrong, and applying anyway is how files get corrupted. So all four are
        // refused, as jsdiff does with its default options.
        new Case(
            "fuzz: extra lines in the file (we refuse; jsdiff with fuzzFactor 2 applies)",
            "line1\nline2\nline2.5\nline3\nline4\nline6\nline7\nline8\nline8.5\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz: lines missing from the file (we refuse; jsdiff with fuzzFactor 2 applies)",
            "line1\nline2\nline4\nline6\nline7\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz: changed lines in the file (we refuse; jsdiff with fuzzFactor 2 applies)",
            "line1\nline2\nlineTHREE\nline4\nline6\nline7\nlineEIGHT\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz: mixture of ins/sub/del (we refuse; jsdiff with fuzzFactor 3 applies)",
            "line1\nline2\nline2.5\nlineTHREE\nline4\nline6\nline7\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        // ---- should fail if the context mismatch is greater than the fuzz factor: refused by
        // jsdiff with the fuzz it was given, and by us (no fuzz at all, see above).
        new Case(
            "fuzz exceeded: 3 extra lines in the file",
            "line1\nline2\nline2.5\nline3\nline4\nline6\nline6.5\nline7\nline8\nline8.5\n"
                + "line9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz exceeded: 2 context lines missing from the file",
            "line1\nline2\nline4\nline6\nline7\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz exceeded: 3 changed context lines",
            "line1\nlineTWO\nlineTHREE\nline4\nline6\nline7\nlineEIGHT\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        new Case(
            "fuzz exceeded: 3 changes in total",
            "line1\nline2\nline2.5\nlineTHREE\nline4\nline6\nline7\nline9\nline10\n",
            FUZZ_DIFF,
            null),
        // ---- offsets and wrong numbers
        new Case(
            "hunk needs a negative offset",
            "line1\nline3\nline4\nline5\n",
            HEADERS + "@@ -3,2 +3,3 @@\n line1\n+line2\n line3\n",
            "line1\nline2\nline3\nline4\nline5\n"),
        new Case(
            "insertion before the first line",
            "line2\nline3\nline4\nline5\n",
            HEADERS + "@@ -1,2 +1,3 @@\n+line1\n line2\n line3\n",
            "line1\nline2\nline3\nline4\nline5\n"),
        new Case(
            "insertion after the first line (at the end of the file)",
            "line1\nline2\nline3\nline4\n",
            HEADERS + "@@ -3,2 +3,3 @@\n line3\n line4\n+line5\n",
            "line1\nline2\nline3\nline4\nline5\n"),
        new Case(
            "hunk needs a positive offset",
            "line1\nline2\nline3\nline5\n",
            HEADERS + "@@ -1,2 +1,3 @@\n line3\n+line4\n line5\n",
            "line1\nline2\nline3\nline4\nline5\n"),
        new Case(
            "1st hunk states an invalid newStart",
            "line1\nline2\nline3\nline5\n",
            HEADERS + "@@ -1,2 +2,3 @@\n line3\n+line4\n line5\n",
            "line1\nline2\nline3\nline4\nline5\n"),
        new Case(
            "2nd hunk states an invalid newStart",
            "line1\nline2\nline3\nline5\n",
            HEADERS
                + "@@ -1,3 +1,2 @@\n line1\n-line2\n line3\n"
                + "@@ -3,2 +3,3 @@\n line3\n+line4\n line5\n",
            "line1\nline3\nline4\nline5\n"),
        // ---- create and erase
        new Case(
            "create a file",
            "",
            HEADERS + "@@ -0,0 +1,4 @@\n+line1\n+line2\n+line3\n+line4\n",
            "line1\nline2\nline3\nline4\n"),
        new Case(
            "erase a file",
            "line1\nline2\nline3\nline4\n",
            HEADERS + "@@ -1,4 +0,0 @@\n-line1\n-line2\n-line3\n-line4\n",
            ""),
        new Case(
            "truncate an entire file without final newline, a removed line blank",
            "this\n\ntos",
            "===================================================================\n"
                + "--- index.js\n+++ index.js\n"
                + "@@ -1,3 +1,0 @@\n-this\n-\n-tos\n\\ No newline at end of file\n",
            ""),
        // ---- diffs as jsdiff's createPatch writes them (written out here by hand)
        new Case(
            "handle empty text",
            "",
            "===================================================================\n"
                + "--- test\n+++ test\n@@ -0,0 +1,1 @@\n+asdasd\n",
            "asdasd\n"),
        new Case(
            "handle two common text",
            "s",
            "===================================================================\n"
                + "--- test\n+++ test\n@@ -1,1 +1,1 @@\n-s\n"
                + "\\ No newline at end of file\n+sdfsdf\n",
            "sdfsdf\n"),
        // U+2028 is not a line end in a unified diff; the line holding it is one line.
        new Case(
            "unicode line separator inside a line",
            "AAAAAAAAAAAAAAAA\n\n",
            "===================================================================\n"
                + "--- test\n+++ test\n"
                + "@@ -1,2 +1,4 @@\n AAAAAAAAAAAAAAAA\n+BBBBBB\u2028\n+CCCCCCCCCCCCCCCCCC\n \n",
            "AAAAAAAAAAAAAAAA\nBBBBBB\u2028\nCCCCCCCCCCCCCCCCCC\n\n"),
        // ---- line endings
        new Case(
            "LF patch on a CRLF file: the file keeps CRLF",
            "foo\r\nbar\r\nbaz\r\nqux\r\n",
            "Index: testFileName\n"
                + "===================================================================\n"
                + "--- testFileName\tOld Header\n+++ testFileName\tNew Header\n"
                + "@@ -2,2 +2,3 @@\n-bar\n-baz\n+new\n+two\n+three\n",
            "foo\r\nnew\r\ntwo\r\nthree\r\nqux\r\n"),
        new Case(
            "CRLF patch on an LF file: the file keeps LF",
            "foo\nbar\nbaz\nqux\n",
            "Index: testFileName\r\n"
                + "===================================================================\r\n"
                + "--- testFileName\tOld Header\r\n+++ testFileName\tNew Header\r\n"
                + "@@ -2,2 +2,3 @@\r\n-bar\r\n-baz\r\n+new\r\n+two\r\n+three\r\n",
            "foo\nnew\ntwo\nthree\nqux\n"),
        // jsdiff refuses a CRLF patch on a file with mixed endings (it converts only when the file
        // is uniformly LF or CRLF). Our parser reads CRLF and LF diff lines alike and every line
        // keeps the file's ending: kept lines their own, added lines the ending of the line they
        // replace or follow. So both apply; the second gives exactly jsdiff's text.
        new Case(
            "CRLF patch on a mixed file, CRLF first (we apply; jsdiff refuses)",
            "foo\r\nbar\nbaz\nqux\n",
            MIXED_ENDINGS_DIFF,
            "foo\r\nnew\ntwo\nthree\nqux\n"),
        new Case(
            "CRLF patch on a mixed file, CRLF on the replaced lines",
            "foo\nbar\r\nbaz\r\nqux\n",
            MIXED_ENDINGS_DIFF,
            "foo\nnew\r\ntwo\r\nthree\r\nqux\n"),
        // ---- should adjust where it starts looking based on offsets of prior hunks
        new Case(
            "offsets of prior hunks: the file the patch was made from",
            verses(INTRO, 4, false),
            VERSES_DIFF,
            verses(INTRO.replace("Incy wincy mincy introductory text\n", ""), 4, true)),
        // jsdiff (like GNU patch) trusts the offset at which the first hunk was found and changes
        // the 4th verse. Our engine weighs the stated line as written and the stated line moved by
        // that offset equally (a model may have numbered one hunk against the current file and
        // another against a stale one). Here each of them starts exactly at an identical verse, the
        // 5th and the 4th (or the 3rd and the 4th), so the two readings disagree and the hunk is
        // refused as AMBIGUOUS with both places listed, rather than a verse picked by a guess.
        new Case(
            "offsets of prior hunks: first 5 lines deleted (we refuse: AMBIGUOUS; jsdiff: 4th)",
            verses(INTRO_LESS_5, 4, false),
            VERSES_DIFF,
            null),
        new Case(
            "offsets of prior hunks: 5 lines added (we refuse: AMBIGUOUS; jsdiff: 4th)",
            verses(FIVE_MORE + INTRO, 4, false),
            VERSES_DIFF,
            null),
        // jsdiff keeps a literal CR at the end of a last line without newline ("line3\r"). Our
        // parser reads a CR before LF in a diff as part of the line end (models and editors write
        // CRLF diffs), so the added line is "line3" and the CR is not kept. A bare CR ending a file
        // is not something a model means to write.
        new Case(
            "literal CR on the last added line, CRLF file (we drop the CR; jsdiff keeps it)",
            "line1\r\nline2\r\n",
            "--- test\n+++ test\n@@ -2,1 +2,1 @@\n-line2\n+line3\r\n"
                + "\\ No newline at end of file\n",
            "line1\r\nline3"),
        new Case(
            "literal CR on the last added line, LF file (we drop the CR; jsdiff keeps it)",
            "line1\nline2\n",
            "--- test\n+++ test\n@@ -2,0 +3,1 @@\n+line3\r\n\\ No newline at end of file\n",
            "line1\nline2\nline3"),
        // ---- final newline
        // jsdiff (fuzz 0) refuses a hunk whose old side disagrees with the file about the final
        // newline. Our engine never refuses over it: the file keeps its own final-newline state
        // unless the hunk marks "\ No newline" on one side only, in which case that side's state
        // is what the file gets. The result equals jsdiff's with fuzzFactor 1 here.
        new Case(
            "asked to remove a final newline the file does not have (jsdiff fuzz 1 result)",
            "foo\nbar\nbaz\nqux",
            "Index: bla\n"
                + "===================================================================\n"
                + "--- bla\tOld Header\n+++ bla\tNew Header\n"
                + "@@ -4,1 +4,1 @@\n-qux\n+qux\n\\ No newline at end of file\n",
            "foo\nbar\nbaz\nqux"),
        new Case(
            "asked to add a final newline the file already has (jsdiff fuzz 1 result)",
            "foo\nbar\nbaz\nqux\n",
            "Index: bla\n"
                + "===================================================================\n"
                + "--- bla\tOld Header\n+++ bla\tNew Header\n"
                + "@@ -4,1 +4,1 @@\n-qux\n\\ No newline at end of file\n+qux\n",
            "foo\nbar\nbaz\nqux\n"),
        new Case(
            "last line changed, no final newline on either side",
            "foo\nbar\nbaz\nbanana",
            LAST_LINE_NO_NEWLINE_DIFF,
            "foo\nbar\nbaz\nbabaco"),
        new Case(
            "last line changed, file has an unexpected final newline (jsdiff fuzz 1 result)",
            "foo\nbar\nbaz\nbanana\n",
            LAST_LINE_NO_NEWLINE_DIFF,
            "foo\nbar\nbaz\nbabaco\n"),
        new Case(
            "last line changed, file has more lines after it",
            "foo\nbar\nbaz\nbanana\nqux",
            LAST_LINE_NO_NEWLINE_DIFF,
            "foo\nbar\nbaz\nbabaco\nqux"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appliesAsExpected(Case c) {
    ApplyResult result = PatchApplier.apply(c.file(), c.diff());

    if (c.expected() == null) {
      assertThat(result).isInstanceOf(ApplyResult.Failed.class);
    } else {
      assertThat(result).isInstanceOf(ApplyResult.Applied.class);
      assertThat(((ApplyResult.Applied) result).newText()).isEqualTo(c.expected());
    }
  }
}
