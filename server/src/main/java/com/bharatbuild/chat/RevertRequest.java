package com.bharatbuild.chat;

/**
 * @param force revert files the user changed since, too
 */
public record RevertRequest(boolean force) {}
