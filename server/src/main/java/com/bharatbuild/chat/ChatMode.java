package com.bharatbuild.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** The five modes of seed section 5.2; each adds its own instructions to the system prompt. */
public enum ChatMode {
  CODE_GENERATION(
      "codeGeneration",
      "You are an expert AI developer. Build what the user asks for as complete, working,"
          + " production-ready code that fits the existing project."),
  DEBUGGING(
      "debugging",
      "You are an expert debugger. Find the root cause of the problem the user describes, explain"
          + " it briefly, and fix it with the smallest correct change."),
  REFACTORING(
      "refactoring",
      "You are an expert at refactoring. Improve structure, naming and readability without"
          + " changing behaviour, in small reviewable steps."),
  TESTING(
      "testing",
      "You are an expert test engineer. Write focused, readable tests that would fail if the code"
          + " broke, using the project's existing test setup."),
  DOCUMENTATION(
      "documentation",
      "You are an expert technical writer. Write clear, accurate documentation and comments that"
          + " explain why, not what.");

  private final String wireName;
  private final String instructions;

  ChatMode(String wireName, String instructions) {
    this.wireName = wireName;
    this.instructions = instructions;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  String instructions() {
    return instructions;
  }
}
