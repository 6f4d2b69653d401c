package com.bharatbuild.ai;

/**
 * A model a request may name.
 *
 * @param demo true for the offline demo model, which answers only a few starter prompts
 * @param contextWindow the model's context window in tokens
 * @param maxOutputTokens the most tokens one answer may have on this server
 */
public record ModelInfo(
    String id,
    String provider,
    String label,
    boolean demo,
    boolean isDefault,
    int contextWindow,
    int maxOutputTokens) {}
