package io.leadbridge.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code keys.local} section: where the local key file lives and whether it may be used
 * outside development. Not thread-safe (built once, then read).
 */
public class LocalKeysConfiguration {

  /** Empty means {@code <storage.dataDirectory>/keys}. */
  private String directory = "";

  @NotNull
  @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be 1-63 lowercase letters, digits or '-'")
  private String keyName = "primary";

  /** A key file on the app's own disk is no KMS: production must opt in knowingly. */
  private boolean allowOutsideDevelopment = false;

  @JsonProperty
  public String getDirectory() {
    return directory;
  }

  @JsonProperty
  public void setDirectory(String directory) {
    this.directory = directory;
  }

  @JsonProperty
  public String getKeyName() {
    return keyName;
  }

  @JsonProperty
  public void setKeyName(String keyName) {
    this.keyName = keyName;
  }

  @JsonProperty
  public boolean isAllowOutsideDevelopment() {
    return allowOutsideDevelopment;
  }

  @JsonProperty
  public void setAllowOutsideDevelopment(boolean allowOutsideDevelopment) {
    this.allowOutsideDevelopment = allowOutsideDevelopment;
  }
}
