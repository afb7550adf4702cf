package io.leadbridge.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code keys.cache} section: how long and how often an unwrapped data key is reused before
 * the key service is asked again. Both limits are mandatory and bounded; an unbounded cache would
 * keep plaintext keys in memory forever. Not thread-safe (built once, then read).
 */
public class DataKeyCacheConfiguration {

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration maxAge = Duration.minutes(5);

  @Min(1)
  @Max(10_000_000)
  private long maxUses = 100_000;

  @Min(1)
  @Max(1_000_000)
  private int maxEntries = 10_000;

  @JsonProperty
  public Duration getMaxAge() {
    return maxAge;
  }

  @JsonProperty
  public void setMaxAge(Duration maxAge) {
    this.maxAge = maxAge;
  }

  @JsonProperty
  public long getMaxUses() {
    return maxUses;
  }

  @JsonProperty
  public void setMaxUses(long maxUses) {
    this.maxUses = maxUses;
  }

  @JsonProperty
  public int getMaxEntries() {
    return maxEntries;
  }

  @JsonProperty
  public void setMaxEntries(int maxEntries) {
    this.maxEntries = maxEntries;
  }
}
