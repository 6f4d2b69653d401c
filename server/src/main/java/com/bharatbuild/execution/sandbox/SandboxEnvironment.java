package com.bharatbuild.execution.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The environment a command starts with, built from nothing: the server's own variables (API keys,
 * the JWT secret, database URLs) are never copied in.
 */
public final class SandboxEnvironment {

  private static final String SYSTEM_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private SandboxEnvironment() {}

  /**
   * @param home the home folder as the command sees it
   * @param javaHome the JDK to put first on the path, if any
   */
  public static Map<String, String> of(
      String home, @Nullable String javaHome, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", javaHome == null ? SYSTEM_PATH : javaHome + "/bin:" + SYSTEM_PATH);
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    env.put("HOME", home);
    env.put("USER", "sandbox");
    env.put("LANG", "C.UTF-8");
    env.put("TERM", "xterm-256color");
    env.put("TMPDIR", "/tmp");
    env.put("PYTHONUNBUFFERED", "1");
    env.put("BROWSER", "none");
    env.put("npm_config_update_notifier", "false");
    env.put("npm_config_fund", "false");
    // Java tools find ~/.m2 and ~/.gradle through user.home, which the JVM takes from the password
    // database, where the sandbox's user has no usable home
    env.put("MAVEN_OPTS", "-Duser.home=" + home);
    env.put("GRADLE_USER_HOME", home + "/.gradle");
    env.putAll(extra);
    return env;
  }
}
