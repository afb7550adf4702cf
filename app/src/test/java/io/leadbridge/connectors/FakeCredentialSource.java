package io.leadbridge.connectors;

import io.leadbridge.connector.api.CredentialUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link CredentialSource} standing in for the vault: values by integration and
 * field, and a record of every reveal (the field names), as the vault's audit trail would have.
 * Thread-safe.
 */
public final class FakeCredentialSource implements CredentialSource {

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final List<CredentialRef> reveals = new CopyOnWriteArrayList<>();

  /** Sets a value of an integration's credential field. */
  public FakeCredentialSource put(UUID integrationId, String field, String value) {
    values.put(integrationId + "/" + field, value);
    return this;
  }

  /** Every reveal so far, in order. */
  public List<CredentialRef> reveals() {
    return List.copyOf(reveals);
  }

  @Override
  public boolean isSet(CredentialRef ref) {
    return values.containsKey(ref.integrationId() + "/" + ref.field());
  }

  @Override
  public char[] reveal(CredentialRef ref) {
    String value = values.get(ref.integrationId() + "/" + ref.field());
    if (value == null) {
      throw new CredentialUnavailableException("credential field " + ref.field() + " is not set");
    }
    reveals.add(ref);
    return value.toCharArray();
  }
}
