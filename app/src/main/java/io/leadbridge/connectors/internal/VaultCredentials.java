package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CredentialAccess;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.SecretFunction;
import io.leadbridge.connectors.CredentialRef;
import io.leadbridge.connectors.CredentialSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The credentials of one call: the descriptor's credential fields of one integration, fetched from
 * the {@link CredentialSource} each time they are used and wiped after. Every value revealed is
 * also remembered by the call's {@link Redactor} until the call ends, so the call's log cannot
 * print it. Thread-safe.
 */
final class VaultCredentials implements CredentialAccess {

  private final CredentialSource source;
  private final Set<String> declared;
  private final UUID tenantId;
  private final UUID integrationId;
  private final String connectorId;
  private final Redactor redactor;
  private final BooleanSupplier callEnded;

  VaultCredentials(CredentialSource source, List<FieldSpec> credentialFields, UUID tenantId,
      UUID integrationId, String connectorId, Redactor redactor, BooleanSupplier callEnded) {
    this.source = source;
    this.declared = credentialFields.stream().map(FieldSpec::name).collect(Collectors.toUnmodifiableSet());
    this.tenantId = tenantId;
    this.integrationId = integrationId;
    this.connectorId = connectorId;
    this.redactor = redactor;
    this.callEnded = callEnded;
  }

  @Override
  public boolean isSet(String field) {
    return source.isSet(ref(field));
  }

  @Override
  public <T, X extends Exception> T withSecret(String field, SecretFunction<T, X> function) throws X {
    Objects.requireNonNull(function, "function");
    CredentialRef ref = ref(field);
    if (callEnded.getAsBoolean()) {
      throw new IllegalStateException("the call is over: credentials are no longer revealed");
    }
    RevealedSecret secret = new RevealedSecret(reveal(ref));
    try {
      return function.apply(secret);
    } finally {
      secret.wipe();
    }
  }

  /** Decrypts one declared field into an array the caller wipes; remembered for redaction. */
  char[] reveal(String field) {
    return reveal(ref(field));
  }

  private char[] reveal(CredentialRef ref) {
    char[] value = source.reveal(ref);
    if (value == null) {
      throw new CredentialUnavailableException("credential field " + ref.field() + " is not set");
    }
    redactor.remember(value);
    return value;
  }

  private CredentialRef ref(String field) {
    Objects.requireNonNull(field, "field");
    if (!declared.contains(field)) {
      throw new IllegalArgumentException("the descriptor declares no credential field " + Causes.oneLine(field));
    }
    return new CredentialRef(tenantId, integrationId, connectorId, field);
  }
}
