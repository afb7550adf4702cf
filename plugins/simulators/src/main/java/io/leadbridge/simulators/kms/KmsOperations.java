package io.leadbridge.simulators.kms;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KMS operations themselves, with the request and response fields SDK 2.56.0 uses (LIBRARY-NOTES §4.2). Thread-safe. */
final class KmsOperations {
  private static final String ALGORITHM = "SYMMETRIC_DEFAULT";
  private static final int MAX_PLAINTEXT = 4096;
  private static final int MAX_DATA_KEY_BYTES = 1024;

  private final KeyRing keys;
  private final SecureRandom random = new SecureRandom();

  KmsOperations(KeyRing keys) {
    this.keys = keys;
  }

  Map<String, Object> run(KmsOperation operation, JsonNode body) {
    switch (operation) {
      case GENERATE_DATA_KEY:
        return generateDataKey(body, true);
      case GENERATE_DATA_KEY_WITHOUT_PLAINTEXT:
        return generateDataKey(body, false);
      case ENCRYPT:
        return encrypt(body);
      case DECRYPT:
        return decrypt(body);
      case RE_ENCRYPT:
        return reEncrypt(body);
      case CREATE_KEY:
        return Map.of("KeyMetadata", metadata(keys.create(KmsJson.optionalText(body, "Description").orElse(""))));
      case DESCRIBE_KEY:
        return Map.of("KeyMetadata", metadata(keys.resolve(KmsJson.requiredText(body, "KeyId"))));
      case CREATE_ALIAS:
        keys.createAlias(KmsJson.requiredText(body, "AliasName"), KmsJson.requiredText(body, "TargetKeyId"));
        return Map.of();
      case DISABLE_KEY:
        keys.resolve(KmsJson.requiredText(body, "KeyId")).enabled(false);
        return Map.of();
      default:
        keys.resolve(KmsJson.requiredText(body, "KeyId")).enabled(true);
        return Map.of();
    }
  }

  private Map<String, Object> generateDataKey(JsonNode body, boolean includePlaintext) {
    KmsKey key = keys.resolve(KmsJson.requiredText(body, "KeyId")).requireEnabled();
    byte[] dataKey = new byte[dataKeyLength(body)];
    random.nextBytes(dataKey);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("KeyId", key.arn());
    response.put("CiphertextBlob", KmsJson.base64(CiphertextCodec.seal(key, dataKey, KmsJson.context(body, "EncryptionContext"))));
    if (includePlaintext) {
      response.put("Plaintext", KmsJson.base64(dataKey));
    }
    Arrays.fill(dataKey, (byte) 0);
    return response;
  }

  private Map<String, Object> encrypt(JsonNode body) {
    KmsKey key = keys.resolve(KmsJson.requiredText(body, "KeyId")).requireEnabled();
    byte[] plaintext = KmsJson.requiredBlob(body, "Plaintext");
    if (plaintext.length > MAX_PLAINTEXT) {
      throw KmsApiException.validation("Plaintext must be at most " + MAX_PLAINTEXT + " bytes");
    }
    byte[] blob = CiphertextCodec.seal(key, plaintext, KmsJson.context(body, "EncryptionContext"));
    return Map.of("KeyId", key.arn(), "CiphertextBlob", KmsJson.base64(blob), "EncryptionAlgorithm", ALGORITHM);
  }

  private Map<String, Object> decrypt(JsonNode body) {
    Opened opened =
        open(KmsJson.requiredBlob(body, "CiphertextBlob"), KmsJson.optionalText(body, "KeyId"), KmsJson.context(body, "EncryptionContext"));
    return Map.of(
        "KeyId", opened.key().arn(), "Plaintext", KmsJson.base64(opened.plaintext()), "EncryptionAlgorithm", ALGORITHM);
  }

  private Map<String, Object> reEncrypt(JsonNode body) {
    Opened source =
        open(
            KmsJson.requiredBlob(body, "CiphertextBlob"),
            KmsJson.optionalText(body, "SourceKeyId"),
            KmsJson.context(body, "SourceEncryptionContext"));
    KmsKey destination = keys.resolve(KmsJson.requiredText(body, "DestinationKeyId")).requireEnabled();
    byte[] blob =
        CiphertextCodec.seal(destination, source.plaintext(), KmsJson.context(body, "DestinationEncryptionContext"));
    Arrays.fill(source.plaintext(), (byte) 0);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("SourceKeyId", source.key().arn());
    response.put("KeyId", destination.arn());
    response.put("CiphertextBlob", KmsJson.base64(blob));
    response.put("SourceEncryptionAlgorithm", ALGORITHM);
    response.put("DestinationEncryptionAlgorithm", ALGORITHM);
    return response;
  }

  /** A decrypted blob and the key it named; confined to one call. */
  private record Opened(KmsKey key, byte[] plaintext) {}

  private Opened open(byte[] blob, Optional<String> requestedKeyId, Map<String, String> context) {
    SealedBlob sealed = SealedBlob.parse(blob);
    KmsKey key = keys.byKeyId(sealed.keyId()).orElseThrow(CiphertextCodec::invalidCiphertext);
    if (requestedKeyId.isPresent() && !keys.resolve(requestedKeyId.get()).keyId().equals(key.keyId())) {
      throw KmsApiException.badRequest(
          "IncorrectKeyException", "The key ID in the request does not identify a KMS key that can perform this operation.");
    }
    key.requireEnabled();
    return new Opened(key, CiphertextCodec.open(key, sealed, context));
  }

  private static int dataKeyLength(JsonNode body) {
    Optional<String> keySpec = KmsJson.optionalText(body, "KeySpec");
    if (keySpec.isPresent()) {
      switch (keySpec.get()) {
        case "AES_256":
          return 32;
        case "AES_128":
          return 16;
        default:
          throw KmsApiException.validation("KeySpec must be AES_256 or AES_128");
      }
    }
    int bytes = body.path("NumberOfBytes").asInt(0);
    if (bytes < 1 || bytes > MAX_DATA_KEY_BYTES) {
      throw KmsApiException.validation("Specify either KeySpec or NumberOfBytes between 1 and " + MAX_DATA_KEY_BYTES);
    }
    return bytes;
  }

  private Map<String, Object> metadata(KmsKey key) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("AWSAccountId", KeyRing.ACCOUNT_ID);
    metadata.put("KeyId", key.keyId());
    metadata.put("Arn", key.arn());
    metadata.put("CreationDate", key.createdAt().toEpochMilli() / 1000.0);
    metadata.put("Enabled", key.enabled());
    metadata.put("Description", key.description());
    metadata.put("KeyUsage", "ENCRYPT_DECRYPT");
    metadata.put("KeyState", key.enabled() ? "Enabled" : "Disabled");
    metadata.put("Origin", "AWS_KMS");
    metadata.put("KeyManager", "CUSTOMER");
    metadata.put("KeySpec", ALGORITHM);
    metadata.put("CustomerMasterKeySpec", ALGORITHM);
    metadata.put("EncryptionAlgorithms", List.of(ALGORITHM));
    metadata.put("MultiRegion", false);
    return metadata;
  }
}
