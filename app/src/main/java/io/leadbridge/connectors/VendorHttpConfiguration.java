package io.leadbridge.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Limits of the HTTP client that plugins reach their vendors with; not thread-safe
 * (configuration). Every limit also stops at the call's deadline.
 */
public class VendorHttpConfiguration {

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 2, unit = TimeUnit.MINUTES)
  private Duration connectTimeout = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  private Duration readTimeout = Duration.seconds(30);

  @NotNull
  @MinDataSize(1)
  @MaxDataSize(value = 64, unit = DataSizeUnit.MEBIBYTES)
  private DataSize maxResponseBody = DataSize.mebibytes(1);

  /** How long establishing a connection to the vendor may take. */
  @JsonProperty("connectTimeout")
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty("connectTimeout")
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** How long one exchange may take from sending the request to the last byte of the response. */
  @JsonProperty("readTimeout")
  public Duration getReadTimeout() {
    return readTimeout;
  }

  @JsonProperty("readTimeout")
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** Larger response bodies fail the send with {@code ResponseTooLargeException}. */
  @JsonProperty("maxResponseBody")
  public DataSize getMaxResponseBody() {
    return maxResponseBody;
  }

  @JsonProperty("maxResponseBody")
  public void setMaxResponseBody(DataSize maxResponseBody) {
    this.maxResponseBody = maxResponseBody;
  }
}
