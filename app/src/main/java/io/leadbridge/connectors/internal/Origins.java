package io.leadbridge.connectors.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Origin checks for the pinned HTTP client and base-URL validation. Stateless and thread-safe. */
final class Origins {

  private Origins() {}

  /** Whether two absolute URLs share scheme, host and (effective) port. */
  static boolean same(URI a, URI b) {
    return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /** Why a URL cannot be an integration's base URL, or empty when it can. */
  static Optional<String> baseUrlProblem(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("the base URL must be http or https");
    }
    if (url.getHost() == null) {
      return Optional.of("the base URL has no host");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      return Optional.of("the base URL must not have user info, a query or a fragment");
    }
    return Optional.empty();
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
