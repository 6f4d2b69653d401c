package com.bharatbuild.ai;

import java.util.List;

/**
 * One streamed model call.
 *
 * @param model a model id from {@link ModelGateway#models()}
 * @param system the system prompt; providers that cache prompts cache it
 * @param turns the conversation, oldest first, ending with the user's message
 * @param maxOutputTokens the most tokens the answer may have
 * @param thinking whether to ask for streamed reasoning where the model supports it
 */
public record CompletionRequest(
    String model, String system, List<ChatTurn> turns, int maxOutputTokens, boolean thinking) {

  public CompletionRequest {
    turns = List.copyOf(turns);
    if (turns.isEmpty() || turns.getLast().role() != ChatTurn.Role.USER) {
      throw new IllegalArgumentException("a completion request must end with a user turn");
    }
  }

  /** The same request with another output limit, such as what the wallet could reserve. */
  public CompletionRequest withMaxOutputTokens(int limit) {
    return new CompletionRequest(model, system, turns, limit, thinking);
  }
}
