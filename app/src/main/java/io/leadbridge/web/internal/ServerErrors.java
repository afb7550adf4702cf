package io.leadbridge.web.internal;

import io.leadbridge.web.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the errors Jetty answers itself (see {@link ProblemErrorHandler} for the list of codes):
 * Jetty says what went wrong only in its message text, so this is the one place that reads it;
 * stateless.
 */
final class ServerErrors {

  /** The method Jetty gives a request whose request line it could not read. */
  private static final String UNREAD_METHOD = "BAD";

  /** The methods some resource of the hub takes; Dropwizard refuses every other one on every path. */
  private static final Set<String> SERVED_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private static final Map<Integer, String> CODES_BY_STATUS = Map.of(
      404, "not_found",
      405, "method_not_allowed",
      408, "request_timeout",
      413, "payload_too_large",
      414, "uri_too_long",
      431, "header_too_large",
      501, "not_implemented",
      505, "http_version_not_supported");

  private ServerErrors() {}

  /**
   * The problem for an error Jetty raised.
   *
   * @param message Jetty's reason (never shown: it may quote the request)
   * @param cause what Jetty caught, or null
   * @param method the request's method, {@link #UNREAD_METHOD} when the request line was unreadable
   * @param headerLimit the connector's limit on the request line and headers, in bytes
   */
  static Problem problem(int status, String message, Throwable cause, String method, int headerLimit) {
    if (status == 405 && !SERVED_METHODS.contains(method)) {
      // TRACE or a made-up method: no path takes it, so there is no Allow list to give (RFC 9110, 15.6.2).
      return problem(501, message, cause, method, headerLimit);
    }
    if (status >= 500) {
      // Like every 5xx of the hub: a generic title and the errorId, nothing else.
      return Problem.of(status, CODES_BY_STATUS.getOrDefault(status, "internal_error"), null, List.of());
    }
    if (status == 400) {
      return badRequest(text(message), reasonBelow(cause), method);
    }
    String code = CODES_BY_STATUS.getOrDefault(status, "client_error");
    return Problem.of(status, code, detail(status, headerLimit), List.of());
  }

  private static Problem badRequest(String message, String cause, String method) {
    if (message.startsWith("Ambiguous URI") || cause.equals("Bad URI")) {
      return Problem.of(400, "ambiguous_path", "the path can be read more than one way (an empty segment, "
          + "an encoded '/' or '.', or '..' above the root); send it in plain form, such as /v1/me", List.of());
    }
    if (message.contains("Path Character") || cause.contains("in path")) {
      return Problem.of(400, "invalid_path", "the path holds a character a path may not have (a backslash, "
          + "an encoded NUL or another control character); remove it", List.of());
    }
    if (!UNREAD_METHOD.equals(method) && message.startsWith("Illegal character")) {
      return Problem.of(400, "invalid_header", "a request header holds a character HTTP does not allow (a control "
          + "character such as NUL, or a space in its name); send names as tokens and values as printable text",
          List.of());
    }
    return Problem.of(400, "bad_request", "the request is not well-formed HTTP/1.1 (its request line, headers or "
        + "framing); send a request such as GET /v1/me HTTP/1.1 with a Host header", List.of());
  }

  private static String detail(int status, int headerLimit) {
    return switch (status) {
      case 404 -> "nothing is found at this path";
      case 405 -> "this path does not take this method";
      case 408 -> "the request did not arrive in time; send it again";
      case 413 -> "the request body is too large";
      case 414 -> "the request line is longer than " + headerLimit + " bytes; shorten the path or query";
      case 431 -> "the request line and headers are larger than " + headerLimit
          + " bytes; send fewer or smaller headers";
      default -> "the server refused the request; check its method, path and headers";
    };
  }

  /** Why Jetty could not parse the URI, when it says: the message of the exception under its own. */
  private static String reasonBelow(Throwable failure) {
    Throwable below = failure == null ? null : failure.getCause();
    return below == null ? "" : text(below.getMessage());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
