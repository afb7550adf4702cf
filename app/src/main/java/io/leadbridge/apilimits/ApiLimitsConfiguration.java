package io.leadbridge.apilimits;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code apiLimits} section: how many {@code /v1} requests of each class a tenant (all its keys
 * together) and an operator key may make per window. Not thread-safe (built once, then read).
 *
 * <p>The defaults suit a busy dealer group: 10 leads a second for a minute on end (a backfill, an
 * aggregator's burst) and a console paging through its leads, while a runaway script is stopped
 * within a minute; checks call the vendor, so they are few.
 */
public class ApiLimitsConfiguration {

  /** Whether requests are counted at all; false leaves the API unlimited (and uncounted). */
  @JsonProperty
  private boolean enabled = true;

  /** The length of one fixed window; whole seconds because {@code Retry-After} counts seconds. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration window = Duration.minutes(1);

  /** The budget of each tenant, shared by all its keys. */
  @JsonProperty
  @Valid
  @NotNull
  private Budget tenant = new Budget();

  /** The budget of each operator key, one per key. */
  @JsonProperty
  @Valid
  @NotNull
  private Budget operator = new Budget();

  public boolean isEnabled() {
    return enabled;
  }

  public Duration getWindow() {
    return window;
  }

  public Budget getTenant() {
    return tenant;
  }

  public Budget getOperator() {
    return operator;
  }

  @ValidationMethod(message = "apiLimits.window must be a whole number of seconds")
  public boolean isWindowInWholeSeconds() {
    return window == null || window.toMilliseconds() % 1000 == 0;
  }

  /** Requests per window of each class; not thread-safe (configuration). */
  public static class Budget {

    /** The most a budget may allow per window, far from the counter's integer overflow. */
    static final int MAX_PER_WINDOW = 100_000_000;

    /** GET and HEAD. */
    @JsonProperty
    @Min(1)
    @Max(MAX_PER_WINDOW)
    private int readsPerWindow = 1200;

    /** POST, PUT, PATCH and DELETE, lead intake included, checks not. */
    @JsonProperty
    @Min(1)
    @Max(MAX_PER_WINDOW)
    private int writesPerWindow = 600;

    /** {@code POST …/check}: each one calls the vendor. */
    @JsonProperty
    @Min(1)
    @Max(MAX_PER_WINDOW)
    private int checksPerWindow = 10;

    public int getReadsPerWindow() {
      return readsPerWindow;
    }

    public int getWritesPerWindow() {
      return writesPerWindow;
    }

    public int getChecksPerWindow() {
      return checksPerWindow;
    }
  }
}
