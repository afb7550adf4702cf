package io.leadbridge.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Optional;

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

  private URI publicBaseUrl;

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

  /**
   * Where clients reach the API, e.g. {@code https://api.example.com}: {@code Location} headers are
   * this plus the path. Unset, they are relative ({@code /v1/leads/<id>}); never built from the
   * request's {@code Host}, which the client chooses.
   */
  @JsonProperty("publicBaseUrl")
  public Optional<URI> getPublicBaseUrl() {
    return Optional.ofNullable(publicBaseUrl);
  }

  @JsonProperty("publicBaseUrl")
  public void setPublicBaseUrl(URI publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  @ValidationMethod(message = "web.publicBaseUrl must be an absolute http or https URL with a host, "
      + "without user info, query or fragment")
  public boolean isPublicBaseUrlValid() {
    URI url = publicBaseUrl;
    return url == null
        || ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
            && url.getHost() != null && url.getRawUserInfo() == null
            && url.getRawQuery() == null && url.getRawFragment() == null;
  }
}
