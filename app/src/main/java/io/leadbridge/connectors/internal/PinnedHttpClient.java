package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.http.RedirectRefusedException;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.ResponseTooLargeException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import io.leadbridge.connectors.CappedBody;
import io.leadbridge.connectors.IntegrationRateLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link VendorHttpClient} of one call, pinned to the integration's base URL: it resolves
 * request paths under the base URL and checks the result stays on its origin, takes a rate-limit
 * permit, injects the credentials the request names (the plugin never sees them), bounds every
 * exchange by the read timeout and the call's deadline, caps the response body, and follows at
 * most {@value #MAX_REDIRECTS} redirects, only within the base URL's origin. Messages of its
 * exceptions name the method and path only. Thread-safe: each send is independent.
 */
final class PinnedHttpClient implements VendorHttpClient {

  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

  /** Slack past the request timeout before the host stops waiting itself. */
  private static final long WAIT_SLACK_MILLIS = 200;

  private final VendorHttpTransport transport;
  private final URI base;
  private final CallContext call;
  private final CappedBody capped;

  PinnedHttpClient(VendorHttpTransport transport, URI base, CallContext call) {
    this.transport = transport;
    this.base = base;
    this.call = call;
    this.capped = new CappedBody(transport.maxResponseBytes());
  }

  @Override
  public VendorResponse send(VendorRequest request) throws VendorHttpException {
    Objects.requireNonNull(request, "request");
    String label = request.method() + " " + request.path();
    timeLeft(label);
    URI uri = resolve(request);
    IntegrationRateLimits.Permit permit = call.permit(label);
    if (!permit.granted()) {
      throw new RequestThrottledException(permit.retryAfter(), permit.scope());
    }
    Injected injected;
    try {
      injected = inject(request);
    } catch (RuntimeException notSent) {
      call.finished(permit);
      throw notSent;
    }
    long started = System.nanoTime();
    String outcome = "error";
    try {
      VendorResponse response = exchange(uri, request, injected, label);
      outcome = (response.status() / 100) + "xx";
      return response;
    } catch (VendorTimeoutException e) {
      outcome = "timeout";
      throw e;
    } finally {
      injected.wipe();
      call.finished(permit);
      call.recordExchange(label, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The request's URL under the base URL; refuses anything that would leave the base's origin. */
  URI resolve(VendorRequest request) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    StringBuilder url = new StringBuilder(base.getScheme()).append("://").append(base.getRawAuthority())
        .append(basePath).append(request.path());
    List<Map.Entry<String, String>> query = request.query();
    for (int i = 0; i < query.size(); i++) {
      url.append(i == 0 ? '?' : '&').append(Percent.encode(query.get(i).getKey(), false))
          .append('=').append(Percent.encode(query.get(i).getValue(), false));
    }
    URI uri = URI.create(url.toString());
    if (!Origins.same(uri, base)) {
      throw new IllegalArgumentException("the request " + request + " would leave the integration's base URL");
    }
    return uri;
  }

  private VendorResponse exchange(URI uri, VendorRequest request, Injected injected, String label)
      throws VendorHttpException {
    String method = request.method().name();
    byte[] body = injected.body();
    Optional<String> contentType = request.contentType();
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      Duration timeout = timeLeft(label);
      if (timeout.compareTo(transport.readTimeout()) > 0) {
        timeout = transport.readTimeout();
      }
      HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(timeout)
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
      contentType.ifPresent(type -> builder.header("Content-Type", type));
      injected.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
      if (request.headers().get("User-Agent") == null) {
        builder.header("User-Agent", transport.userAgent());
      }
      HttpResponse<byte[]> response = await(transport.client().sendAsync(builder.build(), capped), timeout, label);
      int status = response.statusCode();
      Optional<URI> location = FOLLOWED.contains(status) ? location(current, response) : Optional.empty();
      if (location.isEmpty()) {
        return VendorResponse.of(status, response.headers().map(), response.body());
      }
      if (!Origins.same(location.get(), base) || redirects >= MAX_REDIRECTS) {
        throw new RedirectRefusedException(status);
      }
      if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
        // As the JDK and browsers do: the redirected request is a GET without the body.
        method = "GET";
        body = new byte[0];
        contentType = Optional.empty();
      }
      current = location.get();
    }
  }

  private static Optional<URI> location(URI current, HttpResponse<byte[]> response) {
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(current.resolve(location.get().strip()));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange, Duration timeout, String label)
      throws VendorHttpException {
    try {
      return exchange.get(timeout.toMillis() + WAIT_SLACK_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new VendorTimeoutException(label + ": no complete response within " + timeout.toMillis() + " ms", null);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new VendorTimeoutException(label + ": interrupted", null);
    } catch (ExecutionException e) {
      throw translate(e.getCause(), timeout, label);
    }
  }

  private static VendorHttpException translate(Throwable failure, Duration timeout, String label) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CappedBody.TooLarge tooLarge) {
        return new ResponseTooLargeException(tooLarge.status(), tooLarge.limitBytes());
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new VendorTimeoutException(label + ": connecting timed out", null);
      }
      if (cause instanceof HttpTimeoutException) {
        return new VendorTimeoutException(label + ": no response within " + timeout.toMillis() + " ms", null);
      }
    }
    if (failure instanceof IOException) {
      return new VendorConnectionException(label + ": " + failure.getClass().getSimpleName(), null);
    }
    if (failure instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    return new VendorConnectionException(label + ": " + String.valueOf(failure), null);
  }

  private Duration timeLeft(String label) throws VendorTimeoutException {
    if (call.ended()) {
      throw new VendorTimeoutException(label + ": the call is over", null);
    }
    Duration left = Duration.between(call.clock().instant(), call.deadline());
    if (left.toMillis() <= 0) {
      throw new VendorTimeoutException(label + ": the call's deadline has passed", null);
    }
    return left;
  }

  private Injected inject(VendorRequest request) {
    Injected injected = new Injected(request.body());
    try {
      for (CredentialInjection injection : request.credentials()) {
        if (injection instanceof CredentialInjection.Bearer bearer) {
          injected.header("Authorization", "Bearer ", bearer.field(), call.credentialsForInjection());
        } else if (injection instanceof CredentialInjection.Header header) {
          injected.header(header.header(), "", header.field(), call.credentialsForInjection());
        } else if (injection instanceof CredentialInjection.Basic basic) {
          injected.basic(basic.userField(), basic.passwordField(), call.credentialsForInjection());
        } else if (injection instanceof CredentialInjection.FormParam form) {
          injected.formParam(form.param(), form.field(), call.credentialsForInjection());
        }
      }
      return injected;
    } catch (RuntimeException e) {
      injected.wipe();
      throw e;
    }
  }
}
