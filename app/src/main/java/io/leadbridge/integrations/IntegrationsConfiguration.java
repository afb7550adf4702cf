package io.leadbridge.integrations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code integrations} section: which hosts an integration may reach although they are plain
 * http or private. Empty by default: every base URL must be https on a public address. Not
 * thread-safe (built once, then read).
 */
public class IntegrationsConfiguration {

  /** Host names or IP literals, matched exactly and case-insensitively (e.g. a simulator on 127.0.0.1). */
  @NotNull private List<String> allowedHosts = new ArrayList<>();

  @JsonProperty
  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  @JsonProperty
  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }
}
