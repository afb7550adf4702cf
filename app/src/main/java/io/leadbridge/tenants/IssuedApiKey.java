package io.leadbridge.tenants;

/**
 * A key just created: its description and the full key, which is shown this once and never
 * stored; immutable.
 */
public record IssuedApiKey(ApiKey apiKey, String key) {
  @Override
  public String toString() {
    return "IssuedApiKey[id=" + apiKey.id() + "]";
  }
}
