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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The credentials of one call: the descriptor's credential fields of one integration, fetched from
 * the {@link CredentialSource} each time they are used and wiped after. It holds no reference to
 * the source: only {@link Sealed} functions bound to this integration and its declared fields, so
 * a plugin that walks it by reflection reaches neither the vault nor another integration. Every
 * value revealed is also remembered by the call's {@link Redactor} (as hashes) until the call
 * ends, so the call's log cannot print it. Thread-safe.
 */
final class VaultCredentials implements CredentialAccess {

  private final Set<String> declared;
  private final Sealed<String, Boolean> isSet;
  private final Sealed<String, char[]> reveal;
  private final Redactor redactor;
  private final BooleanSupplier callEnded;

  VaultCredentials(CredentialSource source, List<FieldSpec> credentialFields, UUID tenantId,
      UUID integrationId, String connectorId, Redactor redactor, BooleanSupplier callEnded) {
    Set<String> fields = credentialFields.stream().map(FieldSpec::name).collect(Collectors.toUnmodifiableSet());
    Function<String, CredentialRef> ref = field -> {
      if (!fields.contains(field)) {
        throw new IllegalArgumentException("the descriptor declares no credential field " + Causes.oneLine(field));
      }
      return new CredentialRef(tenantId, integrationId, connectorId, field);
    };
    this.declared = fields;
    this.isSet = Sealed.of(field -> source.isSet(ref.apply(field)));
    this.reveal = Sealed.of(field -> source.reveal(ref.apply(field)));
    this.redactor = redactor;
    this.callEnded = callEnded;
  }

  @Override
  public boolean isSet(String field) {
    return isSet.apply(requireDeclared(field));
  }

  @Override
  public <T, X extends Exception> T withSecret(String field, SecretFunction<T, X> function) throws X {
    Objects.requireNonNull(function, "function");
    requireDeclared(field);
    if (callEnded.getAsBoolean()) {
      throw new IllegalStateException("the call is over: credentials are no longer revealed");
    }
    RevealedSecret secret = new RevealedSecret(reveal(field));
    try {
      return function.apply(secret);
    } finally {
      secret.wipe();
    }
  }

  /** Decrypts one declared field into an array the caller wipes; remembered for redaction. */
  char[] reveal(String field) {
    char[] value = reveal.apply(requireDeclared(field));
    if (value == null) {
      throw new CredentialUnavailableException("credential field " + field + " is not set");
    }
    redactor.remember(value);
    return value;
  }

  private String requireDeclared(String field) {
    Objects.requireNonNull(field, "field");
    if (!declared.contains(field)) {
      throw new IllegalArgumentException("the descriptor declares no credential field " + Causes.oneLine(field));
    }
    return field;
  }
}
