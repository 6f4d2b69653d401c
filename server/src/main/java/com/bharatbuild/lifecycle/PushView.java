package com.bharatbuild.lifecycle;

/**
 * A push that the remote accepted.
 *
 * @param commit the commit the remote branch now points at
 * @param upToDate true when the remote already had it
 */
public record PushView(String url, String branch, String commit, boolean upToDate) {}
