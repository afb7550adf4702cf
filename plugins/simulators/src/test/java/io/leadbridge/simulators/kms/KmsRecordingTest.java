package io.leadbridge.simulators.kms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/** Proves the fake records operation, key, context and signed headers of every call, and never plaintext; not thread-safe (each test owns its fake). */
class KmsRecordingTest {
  private KmsSimulator kms;
  private KmsClient client;

  @BeforeEach
  void start() {
    kms = KmsSimulator.builder().start();
    kms.createAlias("alias/tenant-7", kms.createKey().keyId());
    client = KmsClients.singleAttempt(kms);
  }

  @AfterEach
  void stop() {
    client.close();
    kms.close();
  }

  @Test
  void recordsOperationKeyContextAndSignedHeadersOfEveryCall() {
    Map<String, String> tenant = Map.of("tenant", "tenant-7");
    GenerateDataKeyResponse generated =
        client.generateDataKey(r -> r.keyId("alias/tenant-7").keySpec(DataKeySpec.AES_256).encryptionContext(tenant));
    client.decrypt(r -> r.ciphertextBlob(generated.ciphertextBlob()).encryptionContext(tenant));
    client.reEncrypt(
        r ->
            r.ciphertextBlob(generated.ciphertextBlob())
                .sourceEncryptionContext(tenant)
                .destinationKeyId("alias/tenant-7")
                .destinationEncryptionContext(tenant));

    assertThat(kms.requests())
        .extracting(RecordedKmsRequest::operation)
        .containsExactly("GenerateDataKey", "Decrypt", "ReEncrypt");
    assertThat(kms.requests())
        .allSatisfy(
            request -> {
              assertThat(request.encryptionContext()).containsEntry("tenant", "tenant-7");
              assertThat(request.signedHeaders()).contains("host", "x-amz-date", "x-amz-target", "content-type");
              assertThat(request.signatureValid()).isTrue();
            });
    assertThat(kms.requests().get(0).keyId()).contains("alias/tenant-7");
    assertThat(kms.requests().get(1).keyId()).isEmpty();
    assertThat(kms.requests().get(2).destinationEncryptionContext()).isEqualTo(tenant);
    assertThat(kms.countsByOperation()).containsExactly(
        Map.entry("Decrypt", 1L), Map.entry("GenerateDataKey", 1L), Map.entry("ReEncrypt", 1L));
    assertThat(kms.requestCount(KmsOperation.DECRYPT)).isEqualTo(1);
  }

  @Test
  void recordsNeverHoldPlaintextOrKeyMaterial() {
    GenerateDataKeyResponse generated =
        client.generateDataKey(r -> r.keyId("alias/tenant-7").keySpec(DataKeySpec.AES_256));
    String plaintextBase64 = Base64.getEncoder().encodeToString(generated.plaintext().asByteArray());

    assertThat(kms.requests().toString()).doesNotContain(plaintextBase64);
  }

  @Test
  void resetForgetsRequests() {
    client.generateDataKey(r -> r.keyId("alias/tenant-7").keySpec(DataKeySpec.AES_256));

    kms.reset();

    assertThat(kms.requests()).isEmpty();
  }
}
