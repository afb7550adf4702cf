package io.leadbridge.web.internal;

import io.leadbridge.web.Problem;
import io.leadbridge.web.SafeFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Jetty's HTML error pages (which echo the URI and Jetty's own wording) with a problem+json
 * body, for the errors raised below Jersey: installed on the server (a request Jetty refuses before
 * any context sees it) and on both contexts ({@code sendError}); thread-safe (stateless).
 *
 * <p>Codes: 400 {@code ambiguous_path} ({@code //}, {@code %2e%2e}, {@code %2F}, {@code ..} above
 * the root), 400 {@code invalid_path} (a backslash, {@code %5C}, {@code %00}), 400
 * {@code invalid_header} (a control or illegal character in a header), 400 {@code bad_request} (an
 * unreadable request line or framing), 404 {@code not_found}, 405 {@code method_not_allowed}, 408
 * {@code request_timeout}, 413 {@code payload_too_large}, 414 {@code uri_too_long}, 431
 * {@code header_too_large}, any other 4xx {@code client_error}; each 4xx with a fixed detail that
 * never quotes the request. 5xx: 501 {@code not_implemented} (a method no path takes, such as
 * TRACE, which Dropwizard refuses with a 405 that could not name an {@code Allow} list), 505
 * {@code http_version_not_supported}, otherwise {@code internal_error}, with no detail, and the
 * errorId logged once.
 */
public final class ProblemErrorHandler extends ErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = status(request, response);
    Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    Problem problem = ServerErrors.problem(status, String.valueOf(request.getAttribute(ERROR_MESSAGE)), cause,
        request.getMethod(), request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize());
    if (problem.code().equals("internal_error")) {
      LOG.warn("errorId={} the server answered {} itself", problem.errorId(), problem.status(),
          cause == null ? null : SafeFailure.of(cause));
    } else if (problem.status() >= 500) {
      // A method or HTTP version the hub does not implement: the client's doing, not an alarm.
      LOG.info("errorId={} the server answered {} {} itself", problem.errorId(), problem.status(), problem.code());
    }
    byte[] body = ProblemJson.render(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatus(problem.status());
    // The hygiene filter never ran for a request Jetty refused itself.
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static int status(Request request, Response response) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
    return status < 400 ? 500 : status;
  }
}
