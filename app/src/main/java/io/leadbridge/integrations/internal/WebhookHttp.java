package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connectors.CappedBody;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The webhook deliverer's HTTP: one JDK client that never follows redirects, every exchange
 * bounded by its timeout and the delivery's deadline, response bodies capped. Failures without an
 * answer become retryable outcomes whose text names the step only. Thread-safe.
 */
final class WebhookHttp {

  /** Enough for an acknowledgement with an id; a larger body is not read (its status still counts). */
  static final long MAX_RESPONSE_BYTES = 64 * 1024;

  private static final Duration MAX_CONNECT = Duration.ofSeconds(10);
  private static final long WAIT_SLACK_MILLIS = 200;

  private final HttpClient client;
  private final CappedBody capped = new CappedBody(MAX_RESPONSE_BYTES);
  private final Clock clock;

  WebhookHttp(Clock clock) {
    this.clock = clock;
    this.client = HttpClient.newBuilder()
        .connectTimeout(MAX_CONNECT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  Clock clock() {
    return clock;
  }

  /**
   * The time an exchange may take: the endpoint's timeout, cut to what is left before the deadline.
   *
   * @throws WebhookFailure (retryable) when the deadline has passed
   */
  Duration timeout(String step, int timeoutMs, Instant deadline) throws WebhookFailure {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.toMillis() <= 0) {
      throw new WebhookFailure(DeliveryOutcome.retryable(step + ": the delivery's deadline passed"));
    }
    Duration configured = Duration.ofMillis(timeoutMs);
    return left.compareTo(configured) < 0 ? left : configured;
  }

  /** Sends one request and waits at most {@code timeout} for the whole answer. */
  VendorResponse send(String step, HttpRequest.Builder request, Duration timeout) throws WebhookFailure {
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.timeout(timeout).build(), capped);
    try {
      HttpResponse<byte[]> response = exchange.get(timeout.toMillis() + WAIT_SLACK_MILLIS, TimeUnit.MILLISECONDS);
      return VendorResponse.of(response.statusCode(), response.headers().map(), response.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut(step, timeout);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new WebhookFailure(DeliveryOutcome.retryable(step + ": interrupted"));
    } catch (ExecutionException e) {
      return answerDespite(e.getCause(), step, timeout);
    }
  }

  /** A body over the cap still has a status worth mapping; anything else failed without an answer. */
  private static VendorResponse answerDespite(Throwable failure, String step, Duration timeout) throws WebhookFailure {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CappedBody.TooLarge tooLarge) {
        return VendorResponse.of(tooLarge.status(), Map.of(), new byte[0]);
      }
      if (cause instanceof HttpConnectTimeoutException) {
        throw new WebhookFailure(DeliveryOutcome.retryable(step + ": connecting timed out"));
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(step, timeout);
      }
    }
    if (failure instanceof IOException) {
      throw new WebhookFailure(DeliveryOutcome.retryable(step + ": connection failed ("
          + failure.getClass().getSimpleName() + ")"));
    }
    throw new WebhookFailure(DeliveryOutcome.retryable(step + ": the request failed ("
        + failure.getClass().getSimpleName() + ")"));
  }

  private static WebhookFailure timedOut(String step, Duration timeout) {
    return new WebhookFailure(DeliveryOutcome.retryable(step + ": no answer within " + timeout.toMillis() + " ms"));
  }
}
