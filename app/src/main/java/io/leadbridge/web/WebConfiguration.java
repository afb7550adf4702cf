package io.leadbridge.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Limits and hygiene settings of the public HTTP surface; not thread-safe (configuration). */
public class WebConfiguration {

  /** Paths that scanners probe for secrets; each answers 404 with no content on both ports. */
  public static final List<String> DEFAULT_PROBE_PATHS =
      List.of(
          "/.env",
          "/.git",
          "/config.php",
          "/wp-admin",
          "/wp-login.php",
          "/actuator",
          "/server-status",
          "/.aws",
          "/.DS_Store",
          "/backup.sql");

  @NotNull
  @MinDataSize(1)
  @MaxDataSize(value = 64, unit = DataSizeUnit.MEBIBYTES)
  private DataSize maxRequestBody = DataSize.mebibytes(1);

  @NotNull private List<String> probePaths = DEFAULT_PROBE_PATHS;

  /** Requests with a larger body are refused with 413 before any resource sees them. */
  @JsonProperty("maxRequestBody")
  public DataSize getMaxRequestBody() {
    return maxRequestBody;
  }

  @JsonProperty("maxRequestBody")
  public void setMaxRequestBody(DataSize maxRequestBody) {
    this.maxRequestBody = maxRequestBody;
  }

  /** Path prefixes that answer 404 with an empty body (a prefix matches itself and below it). */
  @JsonProperty("probePaths")
  public List<String> getProbePaths() {
    return probePaths;
  }

  @JsonProperty("probePaths")
  public void setProbePaths(List<String> probePaths) {
    this.probePaths = List.copyOf(probePaths);
  }
}
