package io.leadbridge.simulators.kms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake saw in one request, for assertions such as "every call carried the tenant context":
 * never key material or plaintext. {@code keyId} is the key named in the request (KeyId or
 * DestinationKeyId), empty when none was sent. Immutable.
 */
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
