/**
 * Language models behind one small port: Anthropic's Messages API and OpenAI-compatible chat
 * completions through their official SDKs, and an offline demo model for installs without a key.
 * Callers stream a completion with {@link com.bharatbuild.ai.ModelGateway} and get text, thinking
 * and the exact token usage the provider reported.
 */
@NullMarked
package com.bharatbuild.ai;

import org.jspecify.annotations.NullMarked;
