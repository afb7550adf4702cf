package io.leadbridge.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * What one plugin call may spend on its thread before the host ends it like a timeout: CPU time and
 * allocated bytes. The defaults are generous — a connector that needs more is doing something
 * else than delivering leads. Not thread-safe (configuration, read after start-up).
 */
public class CallBudget {

  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration cpuTime = Duration.seconds(30);

  @NotNull
  @MinDataSize(1)
  private DataSize allocated = DataSize.gibibytes(4);

  public CallBudget() {}

  public CallBudget(Duration cpuTime, DataSize allocated) {
    this.cpuTime = cpuTime;
    this.allocated = allocated;
  }

  /** CPU time one call may use on its thread. */
  @JsonProperty("cpuTime")
  public Duration getCpuTime() {
    return cpuTime;
  }

  @JsonProperty("cpuTime")
  public void setCpuTime(Duration cpuTime) {
    this.cpuTime = cpuTime;
  }

  /** Bytes one call may allocate on its thread (garbage included). */
  @JsonProperty("allocated")
  public DataSize getAllocated() {
    return allocated;
  }

  @JsonProperty("allocated")
  public void setAllocated(DataSize allocated) {
    this.allocated = allocated;
  }
}
