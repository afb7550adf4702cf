package io.leadbridge.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Answers the paths scanners probe for secrets ({@code /.env}, {@code /.git/config}, ...) with a
 * bare 404 before anything else can run, on whichever port it is installed; thread-safe.
 */
public final class ProbePathFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final List<String> prefixes;

  public ProbePathFilter(List<String> prefixes) {
    this.prefixes = prefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isProbe(request.getRequestURI())) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentLength(0);
      return;
    }
    chain.doFilter(request, response);
  }

  boolean isProbe(String uri) {
    String path = uri == null ? "" : uri.toLowerCase(Locale.ROOT);
    for (String prefix : prefixes) {
      if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ";")) {
        return true;
      }
    }
    return false;
  }
}
