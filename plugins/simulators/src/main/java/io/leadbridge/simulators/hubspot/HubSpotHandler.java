package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.Reply;
import io.leadbridge.simulators.http.SimRequest;
import io.leadbridge.simulators.http.SimResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs HubSpot's request pipeline in the order clients see it: hang/latency, auth, rate limits, injected 5xx, endpoint, headers; thread-safe. */
final class HubSpotHandler implements Function<SimRequest, Reply> {
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotHandler.class);
  private static final String BEARER = "bearer ";

  private final Portal portal;
  private final PrivateApps apps;
  private final HubSpotRoutes routes;
  private final HubSpotChaos chaos;
  private final RetryAfterPolicy retryAfter;
  private final boolean secondlyHeaders;
  private final AtomicLong requestCount = new AtomicLong();
  private final AtomicLong rateLimitedCount = new AtomicLong();

  HubSpotHandler(
      Portal portal, PrivateApps apps, HubSpotChaos chaos, RetryAfterPolicy retryAfter, boolean secondlyHeaders) {
    this.portal = portal;
    this.apps = apps;
    this.routes = new HubSpotRoutes(portal);
    this.chaos = chaos;
    this.retryAfter = retryAfter;
    this.secondlyHeaders = secondlyHeaders;
  }

  @Override
  public Reply apply(SimRequest request) {
    requestCount.incrementAndGet();
    String correlationId = UUID.randomUUID().toString();
    Supplier<Reply> process = () -> Reply.respond(process(request, correlationId));
    if (chaos.hangRequests()) {
      return Reply.hang(process);
    }
    Duration latency = chaos.latency();
    return latency.isZero() ? process.get() : Reply.after(latency, process);
  }

  long requestCount() {
    return requestCount.get();
  }

  long rateLimitedCount() {
    return rateLimitedCount.get();
  }

  void resetRequestCount() {
    requestCount.set(0);
    rateLimitedCount.set(0);
  }

  private SimResponse process(SimRequest request, String correlationId) {
    return answer(request, correlationId).withHeader("X-HubSpot-Correlation-Id", correlationId);
  }

  private SimResponse answer(SimRequest request, String correlationId) {
    Optional<String> token = bearerToken(request);
    Optional<Long> appId = token.flatMap(apps::appIdOf);
    if (appId.isEmpty()) {
      return JsonResponses.json(401, ErrorBodies.unauthorized(correlationId))
          .withHeader("X-HubSpot-Auth-Failure", "401 Unauthorized");
    }
    Route route = routes.match(request);
    Admission admission = portal.rateLimiter().admit(token.get(), route.search());
    if (!admission.allowed()) {
      return rateLimited(admission, correlationId, token.get(), appId.get(), route.search());
    }
    OptionalInt failure = chaos.nextFailure();
    if (failure.isPresent()) {
      return SimResponse.plainText(failure.getAsInt(), "Internal Error");
    }
    SimResponse response = run(route, new ApiCall(request, correlationId, token.get(), appId.get()));
    if (route.search() || chaos.omitRateLimitHeaders()) {
      return response;
    }
    return RateLimitHeaders.apply(response, admission, secondlyHeaders);
  }

  private SimResponse run(Route route, ApiCall call) {
    try {
      return route.endpoint().apply(call);
    } catch (HubSpotApiException e) {
      return JsonResponses.json(
          e.status(), ErrorBodies.error(call.correlationId(), e.category(), e.getMessage(), e.errors()));
    } catch (RuntimeException e) {
      LOG.warn("HubSpot simulator failed on {} {}", call.request().method(), call.request().path(), e);
      return SimResponse.plainText(500, "Internal Error");
    }
  }

  private SimResponse rateLimited(
      Admission admission, String correlationId, String token, long appId, boolean search) {
    rateLimitedCount.incrementAndGet();
    RateLimitPolicy policy = admission.refusedBy().orElseThrow();
    SimResponse response =
        JsonResponses.json(429, ErrorBodies.rateLimited(policy, correlationId, appId, portal.portalId()));
    if (sendsRetryAfter(policy)) {
      long seconds = Math.max(1, (admission.retryAfterMillis() + 999) / 1000);
      portal.rateLimiter().toldToWait(token, Duration.ofSeconds(seconds));
      response = response.withHeader("Retry-After", String.valueOf(seconds));
    }
    return search ? response : RateLimitHeaders.apply(response, admission, secondlyHeaders);
  }

  private boolean sendsRetryAfter(RateLimitPolicy policy) {
    switch (retryAfter) {
      case ALL_RATE_LIMITS:
        return true;
      case TEN_SECONDLY_ONLY:
        return policy == RateLimitPolicy.TEN_SECONDLY_ROLLING;
      default:
        return false;
    }
  }

  private static Optional<String> bearerToken(SimRequest request) {
    List<String> values = request.headerValues("Authorization");
    if (values.size() != 1) {
      return Optional.empty();
    }
    String value = values.get(0).trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = value.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
