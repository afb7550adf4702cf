package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code integrations} section: which hosts an integration may reach although they are plain
 * http or private (empty by default: every base URL must be https on a public address), and how
 * many integrations of each kind one tenant may have. Not thread-safe (built once, then read).
 */
public class IntegrationsConfiguration {

  /** Host names or IP literals, matched exactly and case-insensitively (e.g. a simulator on 127.0.0.1). */
  @NotNull private List<String> allowedHosts = new ArrayList<>();

  /**
   * Integrations one tenant may have of each kind (third-party, internal): each one is work the
   * dispatcher looks at and a share of its connector's threads, so one tenant cannot crowd out the rest.
   */
  @Min(1)
  @Max(1000)
  private int maxPerTenant = 25;

  @JsonProperty
  public int getMaxPerTenant() {
    return maxPerTenant;
  }

  @JsonProperty
  public void setMaxPerTenant(int maxPerTenant) {
    this.maxPerTenant = maxPerTenant;
  }

  @JsonProperty
  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  @JsonProperty
  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }
}
