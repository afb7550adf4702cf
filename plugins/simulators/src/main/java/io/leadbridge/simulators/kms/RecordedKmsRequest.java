package io.leadbridge.simulators.kms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records what one request named (operation, key, contexts, signed headers), never key material or plaintext, for assertions; immutable. */
public record RecordedKmsRequest(
    String operation,
    Optional<String> keyId,
    Map<String, String> encryptionContext,
    Map<String, String> destinationEncryptionContext,
    List<String> signedHeaders,
    boolean signatureValid) {

  public RecordedKmsRequest {
    encryptionContext = Map.copyOf(encryptionContext);
    destinationEncryptionContext = Map.copyOf(destinationEncryptionContext);
    signedHeaders = List.copyOf(signedHeaders);
  }
}
