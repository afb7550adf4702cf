package io.leadbridge.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code delivery} section: how the engine claims, paces, retries and contains deliveries.
 * Not thread-safe (built once, then read).
 */
public class DeliveryConfiguration {

  /** Whether this node works the outbox; a node with false only takes leads (intake-only nodes). */
  @JsonProperty
  private boolean workersEnabled = true;

  /** How often a node looks for due work when it has nothing to do. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration pollInterval = Duration.milliseconds(200);

  /** The longest one call to a connector or webhook may take; a call still running then is abandoned as retryable. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
  private Duration callTimeout = Duration.seconds(30);

  /**
   * The longest an integration's check ({@code POST …/check}) may take, waiting for a bulkhead slot
   * and the rate limit included; then it is interrupted and answered 504 {@code check_timed_out}.
   */
  @JsonProperty
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 2, unit = TimeUnit.MINUTES)
  private Duration checkTimeout = Duration.seconds(10);

  /**
   * How long claimed work belongs to its node; a node that dies without finishing loses it after
   * this and another node (or itself after a restart) delivers it. Must exceed the call timeout.
   */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration lease = Duration.minutes(2);

  /** Attempts (delivered, retryable or rejected answers) before a delivery becomes a dead letter. */
  @JsonProperty
  @Min(1)
  @Max(100)
  private int maxAttempts = 8;

  /** The first retry waits up to this (full jitter); each further retry doubles it, up to the cap. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration backoffBase = Duration.seconds(2);

  /** The longest wait between two attempts. */
  @JsonProperty
  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration backoffCap = Duration.minutes(30);

  /** A delivery not delivered this long after the lead came in becomes a dead letter. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration maxAge = Duration.days(7);

  /** Threads per connector (the bulkhead): one connector's trouble cannot use another's. */
  @JsonProperty
  @Min(1)
  @Max(256)
  private int threadsPerConnector = 8;

  /**
   * The most of a connector's threads one tenant's calls may hold together, in percent (at least one
   * thread): a tenant whose vendor hangs, however many integrations it has, leaves the rest to the
   * other tenants.
   */
  @JsonProperty
  @Min(1)
  @Max(100)
  private int tenantSharePercent = 50;

  /** Calls in flight per integration: one integration's hanging vendor holds at most this many of its connector's threads. */
  @JsonProperty
  @Min(1)
  @Max(64)
  private int callsPerIntegration = 2;

  /**
   * The most leads one vendor call carries; a connector whose own maximum is smaller keeps it. Lower
   * it when a vendor's payload limits bite, or to spread a backlog over more calls.
   */
  @JsonProperty
  @Min(1)
  @Max(1000)
  private int maxBatchSize = 1000;

  /** Added to every vendor rate-limit window: our send time and the vendor's arrival time differ by the network. */
  @JsonProperty
  @NotNull
  @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
  private Duration rateLimitGuard = Duration.milliseconds(200);

  /** The circuit breaker of each integration. */
  @JsonProperty
  @NotNull
  private BreakerConfiguration breaker = new BreakerConfiguration();

  public boolean isWorkersEnabled() {
    return workersEnabled;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public Duration getCallTimeout() {
    return callTimeout;
  }

  public Duration getCheckTimeout() {
    return checkTimeout;
  }

  public Duration getLease() {
    return lease;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public Duration getBackoffBase() {
    return backoffBase;
  }

  public Duration getBackoffCap() {
    return backoffCap;
  }

  public Duration getMaxAge() {
    return maxAge;
  }

  public int getThreadsPerConnector() {
    return threadsPerConnector;
  }

  public int getTenantSharePercent() {
    return tenantSharePercent;
  }

  public int getMaxBatchSize() {
    return maxBatchSize;
  }

  public int getCallsPerIntegration() {
    return callsPerIntegration;
  }

  public Duration getRateLimitGuard() {
    return rateLimitGuard;
  }

  public BreakerConfiguration getBreaker() {
    return breaker;
  }

  @ValidationMethod(message = "delivery.lease must be longer than delivery.callTimeout")
  public boolean isLeaseLongerThanCalls() {
    return lease == null || callTimeout == null || lease.toMilliseconds() > callTimeout.toMilliseconds();
  }

  @ValidationMethod(message = "delivery.backoffCap must not be shorter than delivery.backoffBase")
  public boolean isBackoffCapAboveBase() {
    return backoffCap == null || backoffBase == null || backoffCap.toMilliseconds() >= backoffBase.toMilliseconds();
  }

  /** The {@code delivery.breaker} section. Not thread-safe (built once, then read). */
  public static class BreakerConfiguration {

    /** Failed calls, in percent of the recent ones, that open the breaker. */
    @JsonProperty
    @Min(1)
    @Max(100)
    private int failureRateThreshold = 50;

    /** How many recent calls the failure rate is taken over (and the fewest before it is). */
    @JsonProperty
    @Min(1)
    @Max(1000)
    private int window = 6;

    /** How long an open breaker keeps calls away before one trial batch goes. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration openFor = Duration.seconds(30);

    public int getFailureRateThreshold() {
      return failureRateThreshold;
    }

    public int getWindow() {
      return window;
    }

    public Duration getOpenFor() {
      return openFor;
    }
  }
}
