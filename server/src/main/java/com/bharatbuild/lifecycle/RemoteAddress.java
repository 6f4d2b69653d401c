package com.bharatbuild.lifecycle;

import com.bharatbuild.shared.web.ApiProblem;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The address of a remote git repository, checked before JGit sees it: https only (tests may also
 * use {@code file:} and plain {@code http:} to loopback), and no credentials inside it, since an
 * address ends up in logs and error messages where a token must never be.
 */
final class RemoteAddress {

  private RemoteAddress() {}

  static URI checked(String url, boolean allowLocal) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new Refused("The repository address is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean local =
        scheme.equals("file")
            || (scheme.equals("http")
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())));
    boolean allowed = scheme.equals("https") || (allowLocal && local);
    if (!allowed) {
      throw new Refused("Only https repository addresses are supported");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("Put the token in its own field, not in the address");
    }
    return uri;
  }

  /** A message from JGit or a remote with the token (if any) blotted out. */
  static String redacted(@Nullable String message, @Nullable String token) {
    String text = message == null ? "unknown error" : message;
    return token == null || token.isBlank() ? text : text.replace(token, "***");
  }

  static final class Refused extends ApiProblem {
    Refused(String detail) {
      super(HttpStatus.BAD_REQUEST, "bad-remote-address", "Repository address refused", detail);
    }
  }
}
