package io.leadbridge.simulators.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** Proves real AES-GCM round trips through the AWS SDK, with context binding and key resolution; not thread-safe (each test owns its fake). */
class KmsRoundTripTest {
  private static final Map<String, String> TENANT_A = Map.of("tenant", "tenant-a", "purpose", "secret-store");

  private KmsSimulator kms;
  private KmsClient client;
  private SimulatedKmsKey keyA;
  private SimulatedKmsKey keyB;

  @BeforeEach
  void start() {
    kms = KmsSimulator.builder().start();
    keyA = kms.createKey();
    keyB = kms.createKey();
    kms.createAlias("alias/tenant-a", keyA.keyId());
    client = KmsClients.singleAttempt(kms);
  }

  @AfterEach
  void stop() {
    client.close();
    kms.close();
  }

  @Test
  void keyArnsHaveTheAccountAndRegion() {
    assertThat(keyA.arn()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/" + keyA.keyId());
  }

  @Test
  void generatedDataKeyUnwrapsWithoutKeyIdUnderTheSameContext() {
    GenerateDataKeyResponse generated =
        client.generateDataKey(r -> r.keyId("alias/tenant-a").keySpec(DataKeySpec.AES_256).encryptionContext(TENANT_A));

    DecryptResponse decrypted =
        client.decrypt(r -> r.ciphertextBlob(generated.ciphertextBlob()).encryptionContext(TENANT_A));

    assertThat(generated.keyId()).isEqualTo(keyA.arn());
    assertThat(generated.plaintext().asByteArray()).hasSize(32);
    assertThat(decrypted.plaintext()).isEqualTo(generated.plaintext());
    assertThat(decrypted.keyId()).isEqualTo(keyA.arn());
  }

  @Test
  void contextPairOrderDoesNotMatter() {
    Map<String, String> forwards = new LinkedHashMap<>();
    forwards.put("a", "1");
    forwards.put("b", "2");
    Map<String, String> backwards = new LinkedHashMap<>();
    backwards.put("b", "2");
    backwards.put("a", "1");
    EncryptResponse encrypted = encrypt(keyA.arn(), "hello", forwards);

    DecryptResponse decrypted = client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(backwards));

    assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("hello");
  }

  @Test
  void wrongContextIsInvalidCiphertext() {
    EncryptResponse encrypted = encrypt(keyA.arn(), "small secret", TENANT_A);

    assertThatThrownBy(
            () ->
                client.decrypt(
                    r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(Map.of("tenant", "tenant-b"))))
        .isInstanceOf(InvalidCiphertextException.class)
        .satisfies(e -> assertThat(((InvalidCiphertextException) e).statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void contextOfTheSameShapeButAnotherTenantIsInvalidCiphertext() {
    EncryptResponse encrypted = encrypt(keyA.arn(), "small secret", Map.of("tenant", "tenant-a"));

    assertThatThrownBy(
            () ->
                client.decrypt(
                    r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(Map.of("tenant", "tenant-b"))))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void tamperedBlobIsInvalidCiphertext() {
    byte[] blob = encrypt(keyA.arn(), "small secret", TENANT_A).ciphertextBlob().asByteArray();
    blob[blob.length - 1] ^= 1;

    assertThatThrownBy(
            () -> client.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(TENANT_A)))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(
            () -> client.decrypt(r -> r.ciphertextBlob(SdkBytes.fromUtf8String("not ours")).encryptionContext(TENANT_A)))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void decryptWithAnotherKeyIdIsIncorrectKey() {
    EncryptResponse encrypted = encrypt(keyA.arn(), "x", TENANT_A);

    assertThatThrownBy(
            () ->
                client.decrypt(
                    r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(TENANT_A).keyId(keyB.arn())))
        .isInstanceOf(IncorrectKeyException.class);
  }

  @Test
  void reEncryptMovesTheSecretToAnotherKeyAndContext() {
    EncryptResponse encrypted = encrypt(keyA.arn(), "small secret", TENANT_A);
    Map<String, String> tenantB = Map.of("tenant", "tenant-b");

    ReEncryptResponse reEncrypted =
        client.reEncrypt(
            r ->
                r.ciphertextBlob(encrypted.ciphertextBlob())
                    .sourceEncryptionContext(TENANT_A)
                    .destinationKeyId(keyB.keyId())
                    .destinationEncryptionContext(tenantB));
    DecryptResponse decrypted =
        client.decrypt(r -> r.ciphertextBlob(reEncrypted.ciphertextBlob()).encryptionContext(tenantB));

    assertThat(reEncrypted.sourceKeyId()).isEqualTo(keyA.arn());
    assertThat(reEncrypted.keyId()).isEqualTo(keyB.arn());
    assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("small secret");
    assertThat(decrypted.keyId()).isEqualTo(keyB.arn());
  }

  @Test
  void keysAndAliasesCanBeManagedOverTheWire() {
    CreateKeyResponse created = client.createKey(r -> r.description("tenant-c KEK"));
    client.createAlias(r -> r.aliasName("alias/tenant-c").targetKeyId(created.keyMetadata().keyId()));

    KeyMetadata described = client.describeKey(r -> r.keyId("alias/tenant-c")).keyMetadata();
    EncryptResponse encrypted = encrypt("alias/tenant-c", "c", Map.of());

    assertThat(created.keyMetadata().arn()).startsWith("arn:aws:kms:eu-west-1:111122223333:key/");
    assertThat(described.arn()).isEqualTo(created.keyMetadata().arn());
    assertThat(described.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(described.description()).isEqualTo("tenant-c KEK");
    assertThat(encrypted.keyId()).isEqualTo(created.keyMetadata().arn());
  }

  @Test
  void unknownKeyOrAliasIsNotFound() {
    assertThatThrownBy(() -> encrypt("alias/nobody", "x", Map.of())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> encrypt("00000000-0000-0000-0000-000000000000", "x", Map.of()))
        .isInstanceOf(NotFoundException.class);
  }

  private EncryptResponse encrypt(String keyId, String plaintext, Map<String, String> context) {
    return client.encrypt(
        r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(plaintext)).encryptionContext(context));
  }
}
