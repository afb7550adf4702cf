package io.leadbridge.simulators.kms;

import java.time.Instant;
import javax.crypto.SecretKey;

/** A KMS key inside the fake: id, ARN, AES-256 material and enabled state. Thread-safe (state is volatile). */
final class KmsKey {
  private final String keyId;
  private final String arn;
  private final String description;
  private final Instant createdAt;
  private final SecretKey material;
  private volatile boolean enabled = true;

  KmsKey(String keyId, String arn, String description, Instant createdAt, SecretKey material) {
    this.keyId = keyId;
    this.arn = arn;
    this.description = description;
    this.createdAt = createdAt;
    this.material = material;
  }

  String keyId() {
    return keyId;
  }

  String arn() {
    return arn;
  }

  String description() {
    return description;
  }

  Instant createdAt() {
    return createdAt;
  }

  SecretKey material() {
    return material;
  }

  boolean enabled() {
    return enabled;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Refuses use of a disabled key the way KMS does. */
  KmsKey requireEnabled() {
    if (!enabled) {
      throw KmsApiException.badRequest("DisabledException", arn + " is disabled.");
    }
    return this;
  }

  SimulatedKmsKey view() {
    return new SimulatedKmsKey(keyId, arn);
  }

  /** Never prints material. */
  @Override
  public String toString() {
    return "KmsKey[" + arn + "]";
  }
}
