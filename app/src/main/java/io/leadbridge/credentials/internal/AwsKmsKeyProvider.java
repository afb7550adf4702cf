package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.AwsKmsConfiguration;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Wraps data keys with AWS KMS through the SDK v2 {@link KmsClient} (GenerateDataKey, Decrypt,
 * ReEncrypt), always with the encryption context {@code {"tenant": "<id>"}}; fails closed within
 * the configured call timeout. Thread-safe (the SDK client is).
 */
public final class AwsKmsKeyProvider implements KeyProvider {

  private final KmsClient kms;
  private final String configuredKeyId;
  private final KmsCallMetrics metrics;
  private volatile String currentKeyId;

  public AwsKmsKeyProvider(AwsKmsConfiguration config, KmsCallMetrics metrics) {
    this.kms = client(config);
    this.configuredKeyId = config.getKeyId();
    this.metrics = metrics;
  }

  private static KmsClient client(AwsKmsConfiguration config) {
    KmsClientBuilder builder =
        KmsClient.builder()
            .region(Region.of(config.getRegion()))
            .credentialsProvider(credentials(config))
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(config.getConnectTimeout().toJavaDuration())
                    .socketTimeout(config.getAttemptTimeout().toJavaDuration()))
            .overrideConfiguration(
                o ->
                    o.apiCallTimeout(config.getCallTimeout().toJavaDuration())
                        .apiCallAttemptTimeout(config.getAttemptTimeout().toJavaDuration())
                        .retryStrategy(r -> r.maxAttempts(config.getMaxRetries() + 1)));
    if (config.getEndpoint() != null) {
      builder.endpointOverride(config.getEndpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(AwsKmsConfiguration config) {
    if (config.getAccessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    byte[] secret = config.secretAccessKey().reveal();
    try {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(config.getAccessKeyId(), new String(secret, StandardCharsets.UTF_8)));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public String kind() {
    return "aws-kms";
  }

  @Override
  public String currentKeyId() {
    String known = currentKeyId;
    if (known == null) {
      known = resolve(configuredKeyId);
      currentKeyId = known;
    }
    return known;
  }

  @Override
  public NewDataKey generateDataKey(UUID tenantId) {
    GenerateDataKeyResponse response =
        call("GenerateDataKey", () ->
            kms.generateDataKey(
                r -> r.keyId(currentKeyId()).keySpec(DataKeySpec.AES_256).encryptionContext(context(tenantId))));
    byte[] plaintext = response.plaintext().asByteArray();
    return new NewDataKey(plaintext, new WrappedDataKey(response.ciphertextBlob().asByteArray(), response.keyId()));
  }

  @Override
  public byte[] unwrap(UUID tenantId, String keyId, byte[] wrapped) {
    return call("Decrypt", () ->
            kms.decrypt(
                r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped)).keyId(keyId).encryptionContext(context(tenantId))))
        .plaintext()
        .asByteArray();
  }

  @Override
  public WrappedDataKey rewrap(UUID tenantId, String keyId, byte[] wrapped, String targetKeyId) {
    ReEncryptResponse response =
        call("ReEncrypt", () ->
            kms.reEncrypt(
                r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .sourceKeyId(keyId)
                    .sourceEncryptionContext(context(tenantId))
                    .destinationKeyId(targetKeyId)
                    .destinationEncryptionContext(context(tenantId))));
    return new WrappedDataKey(response.ciphertextBlob().asByteArray(), response.keyId());
  }

  @Override
  public String resolve(String keyReference) {
    return call("DescribeKey", () -> kms.describeKey(r -> r.keyId(keyReference))).keyMetadata().arn();
  }

  @Override
  public void probe() {
    call("DescribeKey", () -> kms.describeKey(r -> r.keyId(configuredKeyId)));
  }

  @Override
  public void close() {
    kms.close();
  }

  private static Map<String, String> context(UUID tenantId) {
    return Map.of("tenant", tenantId.toString());
  }

  /** Runs one KMS call, counts it, and turns SDK failures into the vault's two failure kinds. */
  private <T> T call(String operation, Supplier<T> request) {
    try {
      T result = request.get();
      metrics.succeeded(operation);
      return result;
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      metrics.failed(operation);
      throw new CredentialDecryptionException();
    } catch (KmsException e) {
      metrics.failed(operation);
      String code = e.awsErrorDetails() == null ? "KMS error" : e.awsErrorDetails().errorCode();
      throw new KeyServiceUnavailableException(operation + " failed with " + code, withoutMessage(e));
    } catch (SdkClientException e) {
      metrics.failed(operation);
      throw new KeyServiceUnavailableException(operation + " did not complete in time or could not connect", withoutMessage(e));
    } catch (SdkException e) {
      metrics.failed(operation);
      throw new KeyServiceUnavailableException(operation + " failed", withoutMessage(e));
    }
  }

  /** SDK messages can quote request ids and key ARNs; the log keeps the type and the stack only. */
  private static Throwable withoutMessage(Throwable e) {
    Throwable copy = new KmsFailure(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** A message-free stand-in for an SDK failure. */
  private static final class KmsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KmsFailure(String type) {
      super(type, null, false, true);
    }
  }
}
