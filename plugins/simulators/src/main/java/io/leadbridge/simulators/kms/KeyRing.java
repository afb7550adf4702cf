package io.leadbridge.simulators.kms;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** The fake's keys and aliases, resolving every KeyId form KMS takes (id, key ARN, alias name, alias ARN). Thread-safe. */
final class KeyRing {
  static final String ACCOUNT_ID = "111122223333";

  private final String region;
  private final Clock clock;
  private final Map<String, KmsKey> keysById = new ConcurrentHashMap<>();
  private final Map<String, String> keyIdByAlias = new ConcurrentHashMap<>();

  KeyRing(String region, Clock clock) {
    this.region = region;
    this.clock = clock;
  }

  KmsKey create(String description) {
    String keyId = UUID.randomUUID().toString();
    KmsKey key = new KmsKey(keyId, arnPrefix() + "key/" + keyId, description, clock.instant(), newAesKey());
    keysById.put(keyId, key);
    return key;
  }

  /** Points {@code alias/<name>} at a key; KMS refuses existing aliases and the reserved {@code alias/aws/} prefix. */
  void createAlias(String aliasName, String targetKeyId) {
    if (!aliasName.startsWith("alias/") || aliasName.startsWith("alias/aws/") || aliasName.length() <= 6) {
      throw KmsApiException.validation("Alias must begin with 'alias/' and must not begin with 'alias/aws/'");
    }
    KmsKey target = resolve(targetKeyId);
    if (keyIdByAlias.putIfAbsent(aliasName, target.keyId()) != null) {
      throw KmsApiException.badRequest(
          "AlreadyExistsException", "An alias with the name " + arnPrefix() + aliasName + " already exists");
    }
  }

  KmsKey resolve(String keyIdOrAlias) {
    String reference = stripArnPrefix(keyIdOrAlias);
    if (reference.startsWith("alias/")) {
      String keyId = keyIdByAlias.get(reference);
      if (keyId == null) {
        throw KmsApiException.badRequest("NotFoundException", "Alias " + arnPrefix() + reference + " is not found.");
      }
      return keysById.get(keyId);
    }
    String keyId = reference.startsWith("key/") ? reference.substring(4) : reference;
    KmsKey key = keysById.get(keyId);
    if (key == null) {
      throw KmsApiException.badRequest(
          "NotFoundException", "Key '" + arnPrefix() + "key/" + keyId + "' does not exist");
    }
    return key;
  }

  /** The key a ciphertext names, if it still exists. */
  Optional<KmsKey> byKeyId(String keyId) {
    return Optional.ofNullable(keysById.get(keyId));
  }

  void clear() {
    keysById.clear();
    keyIdByAlias.clear();
  }

  private String arnPrefix() {
    return "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":";
  }

  /** ARNs must name this fake's region and account; anything else is a key that does not exist here. */
  private String stripArnPrefix(String reference) {
    if (!reference.startsWith("arn:")) {
      return reference;
    }
    if (!reference.startsWith(arnPrefix())) {
      throw KmsApiException.badRequest("NotFoundException", "Invalid arn " + reference);
    }
    return reference.substring(arnPrefix().length());
  }

  private static SecretKey newAesKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      return generator.generateKey();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK always has AES", e);
    }
  }
}
