package io.leadbridge.simulators.kms;

import java.util.Optional;

/** The TrentService operations the fake serves, by their X-Amz-Target name. Immutable. */
public enum KmsOperation {
  GENERATE_DATA_KEY("GenerateDataKey"),
  GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext"),
  ENCRYPT("Encrypt"),
  DECRYPT("Decrypt"),
  RE_ENCRYPT("ReEncrypt"),
  CREATE_KEY("CreateKey"),
  DESCRIBE_KEY("DescribeKey"),
  CREATE_ALIAS("CreateAlias"),
  DISABLE_KEY("DisableKey"),
  ENABLE_KEY("EnableKey");

  private final String wireName;

  KmsOperation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Reads {@code TrentService.<Op>}; empty for anything else. */
  static Optional<KmsOperation> fromTarget(String target) {
    for (KmsOperation operation : values()) {
      if (target.equals("TrentService." + operation.wireName)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
