package com.bharatbuild.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

  private static String text(int words, String seed) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(seed).append(i).append(i % 7 == 0 ? ".\n" : " ");
    }
    return text.toString();
  }

  @Test
  void aCachedCountIsTheCountOfTheSameText() {
    TokenCounts cached = new TokenCounts(1_000_000);
    TokenCounts uncached = new TokenCounts(0);
    String prompt = text(400, "const value");

    long first = cached.count(prompt);
    long again = cached.count(new String(prompt.toCharArray()));

    assertThat(first).isEqualTo(uncached.count(prompt)).isGreaterThan(400);
    assertThat(again).isEqualTo(first);
    assertThat(cached.cachedTexts()).isEqualTo(1);
  }

  @Test
  void differentTextsOfTheSameLengthKeepTheirOwnCounts() {
    TokenCounts counts = new TokenCounts(1_000_000);
    String words = "a ".repeat(600);
    String letters = "ab".repeat(600);

    assertThat(counts.count(words)).isNotEqualTo(counts.count(letters));
    assertThat(counts.count(words)).isEqualTo(new TokenCounts(0).count(words));
  }

  @Test
  void shortTextsAreCountedWithoutBeingKept() {
    TokenCounts counts = new TokenCounts(1_000_000);

    assertThat(counts.count("hello world")).isEqualTo(2);
    assertThat(counts.cachedTexts()).isZero();
  }

  @Test
  void theLeastRecentlyUsedTextsLeaveWhenTheCharactersExceedTheBound() {
    TokenCounts counts = new TokenCounts(5_000);
    String alpha = "alpha ".repeat(200);
    String bravo = "bravo ".repeat(200);
    String delta = "delta ".repeat(200);
    String gamma = "gamma ".repeat(200);
    String omega = "omega ".repeat(200);
    for (String text : new String[] {alpha, bravo, delta, gamma, alpha, omega}) {
      counts.count(text);
    }

    assertThat(counts.cachedTexts()).isEqualTo(4);
    assertThat(counts.holds(bravo)).isFalse();
    assertThat(counts.holds(alpha)).isTrue();
    assertThat(counts.holds(omega)).isTrue();
    assertThat(counts.count(bravo)).isEqualTo(new TokenCounts(0).count(bravo));
  }

  @Test
  void aTextLargerThanAQuarterOfTheBoundIsNeverKept() {
    TokenCounts counts = new TokenCounts(5_000);

    counts.count("x y ".repeat(400));

    assertThat(counts.cachedTexts()).isZero();
  }
}
