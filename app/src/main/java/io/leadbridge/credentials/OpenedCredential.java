package io.leadbridge.credentials;

import java.util.Map;
import java.util.Set;

/**
 * A credential's fields, revealed for the duration of one {@link CredentialVault#open} callback;
 * every value is wiped when the callback returns or throws. Use from the calling thread only.
 */
public final class OpenedCredential {

  private final Map<String, SecretValue> fields;

  OpenedCredential(Map<String, SecretValue> fields) {
    this.fields = Map.copyOf(fields);
  }

  /** @return the names of the fields that are set */
  public Set<String> names() {
    return fields.keySet();
  }

  /** @return whether the field is set */
  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /**
   * The value of a field, valid until the callback ends.
   *
   * @throws IllegalArgumentException if the field is not set (the message names the field only)
   */
  public SecretValue field(String name) {
    SecretValue value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("credential field " + name + " is not set");
    }
    return value;
  }

  void wipe() {
    fields.values().forEach(SecretValue::wipe);
  }

  @Override
  public String toString() {
    return "OpenedCredential" + names();
  }
}
