package io.leadbridge.leads;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Settings of lead intake; not thread-safe (configuration). */
public class LeadsConfiguration {

  /**
   * Two leads of one shopper (same e-mail or phone, same vehicle) whose {@code receivedAt} are at
   * most this far apart: the later is marked a duplicate of the first.
   */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  @MaxDuration(value = 90, unit = TimeUnit.DAYS)
  private Duration duplicateWindow = Duration.hours(72);

  @JsonProperty("duplicateWindow")
  public Duration getDuplicateWindow() {
    return duplicateWindow;
  }

  @JsonProperty("duplicateWindow")
  public void setDuplicateWindow(Duration duplicateWindow) {
    this.duplicateWindow = duplicateWindow;
  }
}
