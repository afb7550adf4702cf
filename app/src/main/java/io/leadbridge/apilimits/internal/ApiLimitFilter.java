package io.leadbridge.apilimits.internal;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.leadbridge.apilimits.ApiLimitsConfiguration;
import io.leadbridge.apilimits.ApiLimitsConfiguration.Budget;
import io.leadbridge.auth.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Duration;
import java.util.UUID;

/**
 * Spends one unit of the caller's budget on every authenticated {@code /v1} request and refuses it
 * with 429 {@code rate_limited} when the budget of its window is spent; thread-safe (its counts are
 * rows in the database, its meters are thread-safe).
 *
 * <p>It runs after authentication, so the caller is known, and before authorization, so a request
 * refused for its role spends too. Requests without a caller are not counted: they are answered 401
 * before this filter. A refused request reaches no resource, so it changes nothing.
 */
@Priority(Priorities.AUTHENTICATION + 100)
public final class ApiLimitFilter implements ContainerRequestFilter {

  private final RequestCounts counts;
  private final Budget tenant;
  private final Budget operator;
  private final Duration window;
  private final Timer spendTime;
  private final Meter[][] refusals = new Meter[CallerKind.values().length][RequestClass.values().length];

  public ApiLimitFilter(ApiLimitsConfiguration config, RequestCounts counts, MetricRegistry metrics) {
    this.counts = counts;
    this.tenant = config.getTenant();
    this.operator = config.getOperator();
    this.window = Duration.ofMillis(config.getWindow().toMilliseconds());
    this.spendTime = metrics.timer("api.limits.spend");
    for (CallerKind kind : CallerKind.values()) {
      for (RequestClass requestClass : RequestClass.values()) {
        refusals[kind.ordinal()][requestClass.ordinal()] =
            metrics.meter("api.rate_limited;caller=" + kind.label() + ";class=" + requestClass.label());
      }
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller) || !isApi(path)) {
      return;
    }
    RequestClass requestClass = RequestClass.of(request.getMethod(), path);
    CallerKind kind = caller.role().isTenantRole() ? CallerKind.TENANT : CallerKind.OPERATOR_KEY;
    UUID callerId = kind == CallerKind.TENANT ? caller.requireTenant() : caller.keyId();
    int limit = limit(kind == CallerKind.TENANT ? tenant : operator, requestClass);
    RequestCounts.Spent spent;
    try (Timer.Context timing = spendTime.time()) {
      spent = counts.spend(kind, callerId, requestClass, limit, window);
    }
    if (!spent.granted()) {
      refusals[kind.ordinal()][requestClass.ordinal()].mark();
      throw ApiLimitExceeded.of(kind, requestClass, limit, window, spent.untilWindowEnds());
    }
  }

  /** Jersey's path is relative to the application root, with or without its leading slash. */
  private static boolean isApi(String path) {
    return path.startsWith("v1/") || path.startsWith("/v1/");
  }

  private static int limit(Budget budget, RequestClass requestClass) {
    return switch (requestClass) {
      case READ -> budget.getReadsPerWindow();
      case WRITE -> budget.getWritesPerWindow();
      case CHECK -> budget.getChecksPerWindow();
    };
  }
}
