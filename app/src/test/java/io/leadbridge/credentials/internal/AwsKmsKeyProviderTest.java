package io.leadbridge.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import io.leadbridge.credentials.AwsKmsConfiguration;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.simulators.kms.KmsFault;
import io.leadbridge.simulators.kms.KmsOperation;
import io.leadbridge.simulators.kms.KmsSimulator;
import io.leadbridge.simulators.kms.SimulatedKmsKey;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aws-kms provider through the real AWS SDK v2 against the in-process KMS wire fake. */
class AwsKmsKeyProviderTest {

  private KmsSimulator kms;
  private SimulatedKmsKey key;
  private AwsKmsKeyProvider provider;
  private final MetricRegistry metrics = new MetricRegistry();

  @BeforeEach
  void start() {
    kms = KmsSimulator.builder().region("eu-west-1").credentials("sim-ak", "sim-sk").start();
    key = kms.createKey();
    kms.createAlias("alias/leadbridge", key.keyId());
    provider = new AwsKmsKeyProvider(config("alias/leadbridge"), new KmsCallMetrics(metrics));
  }

  @AfterEach
  void stop() {
    provider.close();
    kms.close();
  }

  private AwsKmsConfiguration config(String keyId) {
    AwsKmsConfiguration config = new AwsKmsConfiguration();
    config.setRegion(kms.region());
    config.setKeyId(keyId);
    config.setEndpoint(kms.endpoint());
    config.setAccessKeyId(kms.accessKeyId());
    config.setSecretAccessKey(SecretValue.of(kms.secretAccessKey()));
    config.setConnectTimeout(Duration.milliseconds(500));
    config.setAttemptTimeout(Duration.milliseconds(1000));
    config.setCallTimeout(Duration.milliseconds(2000));
    config.setMaxRetries(1);
    return config;
  }

  @Test
  void generatesUnwrapsAndRewrapsWithTheTenantAsEncryptionContextOnEverySignedRequest() {
    UUID tenant = UUID.randomUUID();
    SimulatedKmsKey next = kms.createKey();

    KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
    byte[] unwrapped = provider.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes());
    KeyProvider.WrappedDataKey rewrapped =
        provider.rewrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes(), next.arn());

    assertThat(dataKey.plaintext()).hasSize(32);
    assertThat(unwrapped).isEqualTo(dataKey.plaintext());
    assertThat(dataKey.wrapped().keyId()).isEqualTo(key.arn());
    assertThat(rewrapped.keyId()).isEqualTo(next.arn());
    assertThat(provider.unwrap(tenant, rewrapped.keyId(), rewrapped.bytes())).isEqualTo(dataKey.plaintext());
    assertThat(kms.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    assertThat(kms.requests())
        .filteredOn(r -> !r.operation().equals("DescribeKey"))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.encryptionContext()).containsExactly(Map.entry("tenant", tenant.toString())));
    assertThat(kms.requests())
        .filteredOn(r -> r.operation().equals("ReEncrypt"))
        .singleElement()
        .satisfies(r -> assertThat(r.destinationEncryptionContext()).containsEntry("tenant", tenant.toString()));
  }

  @Test
  void aWrappedKeyMovedToAnotherTenantDoesNotUnwrap() {
    KeyProvider.NewDataKey dataKey = provider.generateDataKey(UUID.randomUUID());

    assertThatThrownBy(() -> provider.unwrap(UUID.randomUUID(), dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
        .isExactlyInstanceOf(CredentialDecryptionException.class);
  }

  @Test
  void invalidCiphertextIsADecryptionFailure() {
    UUID tenant = UUID.randomUUID();
    KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
    kms.faults().next(1, KmsFault.INVALID_CIPHERTEXT, KmsOperation.DECRYPT);

    assertThatThrownBy(() -> provider.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
        .isExactlyInstanceOf(CredentialDecryptionException.class);
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsClosedAsUnavailable() {
    kms.faults().always(KmsFault.THROTTLING);

    assertThatThrownBy(() -> provider.generateDataKey(UUID.randomUUID()))
        .isInstanceOf(KeyServiceUnavailableException.class)
        .hasMessageContaining("ThrottlingException");
    assertThat(kms.requestCount(KmsOperation.DESCRIBE_KEY) + kms.requestCount(KmsOperation.GENERATE_DATA_KEY))
        .isEqualTo(2);
  }

  @Test
  void aSingleThrottleIsRetriedAndSucceeds() {
    UUID tenant = UUID.randomUUID();
    KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
    kms.faults().next(1, KmsFault.THROTTLING, KmsOperation.DECRYPT);

    assertThat(provider.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
        .isEqualTo(dataKey.plaintext());
  }

  @Test
  void aDisabledKeyFailsClosedAndTheProbeSaysSo() {
    UUID tenant = UUID.randomUUID();
    KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
    kms.disableKey(key.keyId());

    assertThatThrownBy(() -> provider.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
        .isInstanceOf(KeyServiceUnavailableException.class)
        .hasMessageContaining("DisabledException");
    kms.faults().always(KmsFault.DISABLED, KmsOperation.DESCRIBE_KEY);
    assertThatThrownBy(provider::probe).isInstanceOf(KeyServiceUnavailableException.class);
  }

  @Test
  void accessDeniedFailsClosed() {
    kms.faults().always(KmsFault.ACCESS_DENIED);

    assertThatThrownBy(() -> provider.generateDataKey(UUID.randomUUID()))
        .isInstanceOf(KeyServiceUnavailableException.class)
        .hasMessageContaining("AccessDeniedException");
  }

  @Test
  void aHangingKmsFailsClosedWithinTheCallTimeout() {
    UUID tenant = UUID.randomUUID();
    KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
    kms.faults().always(KmsFault.HANG, KmsOperation.DECRYPT);

    long started = System.nanoTime();
    assertThatThrownBy(() -> provider.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
        .isInstanceOf(KeyServiceUnavailableException.class);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMillis).as("gives up after the call timeout, not before the attempt timeout").isBetween(900L, 2000L + 2000L);
    kms.releaseHungRequests();
  }

  @Test
  void anUnreachableKmsFailsClosed() {
    AwsKmsConfiguration config = config("alias/leadbridge");
    config.setEndpoint(URI.create("http://127.0.0.1:9"));
    try (AwsKmsKeyProvider unreachable = new AwsKmsKeyProvider(config, new KmsCallMetrics(metrics))) {
      assertThatThrownBy(unreachable::probe)
          .isInstanceOf(KeyServiceUnavailableException.class)
          .hasMessageContaining("could not connect");
    }
  }

  @Test
  void callsAreCountedByOperation() {
    provider.generateDataKey(UUID.randomUUID());

    assertThat(new KmsCallMetrics(metrics).count("GenerateDataKey")).isEqualTo(1);
    assertThat(new KmsCallMetrics(metrics).count("DescribeKey")).isEqualTo(1);
  }
}
