package com.bharatbuild.ai;

/** One earlier message of the conversation, as the model sees it. */
public record ChatTurn(Role role, String content) {

  public enum Role {
    USER,
    ASSISTANT
  }

  public static ChatTurn user(String content) {
    return new ChatTurn(Role.USER, content);
  }

  public static ChatTurn assistant(String content) {
    return new ChatTurn(Role.ASSISTANT, content);
  }
}
