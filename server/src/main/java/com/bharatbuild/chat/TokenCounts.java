package com.bharatbuild.chat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens of a text, counted with a real BPE tokenizer (OpenAI's o200k_base). Claude's tokenizer is
 * not public, so for Claude this is an estimate within a few per cent on code and prose; the wallet
 * reserves with it and settles to the provider's exact count.
 *
 * <p>Every turn of a conversation counts the same system prompt and the same older messages again,
 * and counting was the largest part of a reply's start; so long texts keep their count in a
 * least-recently-used cache bounded by the characters it holds. Looking a text up costs a hash and
 * one comparison, linear in its length like the count, but far cheaper.
 */
final class TokenCounts {

  /** Shorter texts are counted each time: their count is cheap and they rarely repeat. */
  static final int CACHED_FROM_CHARS = 512;

  private final long maxCachedChars;
  private final LinkedHashMap<String, Long> counts = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedChars;

  TokenCounts(long maxCachedChars) {
    this.maxCachedChars = maxCachedChars;
  }

  long count(String text) {
    if (text.length() < CACHED_FROM_CHARS || text.length() > maxCachedChars / 4) {
      return Tokenizer.O200K.countTokensOrdinary(text);
    }
    synchronized (this) {
      Long known = counts.get(text);
      if (known != null) {
        return known;
      }
    }
    long counted = Tokenizer.O200K.countTokensOrdinary(text);
    synchronized (this) {
      if (counts.putIfAbsent(text, counted) == null) {
        cachedChars += text.length();
        var eldest = counts.entrySet().iterator();
        while (cachedChars > maxCachedChars && eldest.hasNext()) {
          Map.Entry<String, Long> entry = eldest.next();
          cachedChars -= entry.getKey().length();
          eldest.remove();
        }
      }
    }
    return counted;
  }

  synchronized boolean holds(String text) {
    return counts.containsKey(text);
  }

  synchronized int cachedTexts() {
    return counts.size();
  }

  /**
   * Loads the tokenizer's vocabulary (several megabytes) on first use, not while the server starts.
   */
  static void warmUp() {
    Tokenizer.O200K.countTokensOrdinary("warm up");
  }

  private static final class Tokenizer {
    static final Encoding O200K =
        Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  }
}
