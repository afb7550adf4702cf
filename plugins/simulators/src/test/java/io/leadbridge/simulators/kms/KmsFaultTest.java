package io.leadbridge.simulators.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** Proves each injected fault reaches the AWS SDK as its own exception, and hangs trip the API call timeout; not thread-safe (each test owns its fake). */
class KmsFaultTest {
  private static final Map<String, String> CONTEXT = Map.of("tenant", "t1");

  private KmsSimulator kms;
  private KmsClient client;
  private SimulatedKmsKey key;

  @BeforeEach
  void start() {
    kms = KmsSimulator.builder().start();
    key = kms.createKey();
    client = KmsClients.singleAttempt(kms);
  }

  @AfterEach
  void stop() {
    client.close();
    kms.close();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(KmsFault.THROTTLING, KmsException.class, "ThrottlingException", 400),
        Arguments.of(KmsFault.DISABLED, DisabledException.class, "DisabledException", 400),
        Arguments.of(KmsFault.INVALID_CIPHERTEXT, InvalidCiphertextException.class, "InvalidCiphertextException", 400),
        Arguments.of(KmsFault.ACCESS_DENIED, KmsException.class, "AccessDeniedException", 400),
        Arguments.of(KmsFault.NOT_FOUND, NotFoundException.class, "NotFoundException", 400),
        Arguments.of(KmsFault.INTERNAL, KmsInternalException.class, "KMSInternalException", 500));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void eachFaultReachesTheSdkAsItsOwnException(
      KmsFault fault, Class<? extends KmsException> expected, String errorCode, int status) {
    kms.faults().always(fault);

    assertThatThrownBy(this::encrypt)
        .isExactlyInstanceOf(expected)
        .isInstanceOfSatisfying(KmsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
          assertThat(e.statusCode()).isEqualTo(status);
        });
  }

  @Test
  void throttlingIsRecognisedAsThrottlingBySdk() {
    kms.faults().always(KmsFault.THROTTLING);

    assertThatThrownBy(this::encrypt)
        .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.isThrottlingException()).isTrue());
  }

  @Test
  void faultForTheNextCallIsRetriedAwayBySdk() {
    kms.faults().next(1, KmsFault.THROTTLING);

    try (KmsClient retrying = KmsClients.retrying(kms)) {
      EncryptResponse response =
          retrying.encrypt(r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x")).encryptionContext(CONTEXT));
      assertThat(response.keyId()).isEqualTo(key.arn());
    }
    assertThat(kms.requestCount(KmsOperation.ENCRYPT)).isEqualTo(2);
  }

  @Test
  void countedFaultsRunOut() {
    kms.faults().next(2, KmsFault.INTERNAL);

    assertThatThrownBy(this::encrypt).isInstanceOf(KmsInternalException.class);
    assertThatThrownBy(this::encrypt).isInstanceOf(KmsInternalException.class);
    assertThat(encrypt().keyId()).isEqualTo(key.arn());
  }

  @Test
  void faultCanTargetOneOperation() {
    kms.faults().always(KmsFault.ACCESS_DENIED, KmsOperation.DECRYPT);

    EncryptResponse encrypted = encrypt();

    assertThatThrownBy(() -> client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    kms.faults().clear();
    assertThat(
            client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext().asUtf8String())
        .isEqualTo("x");
  }

  @Test
  void disabledKeyRefusesUntilEnabledAgain() {
    EncryptResponse encrypted = encrypt();
    kms.disableKey(key.keyId());

    assertThatThrownBy(this::encrypt).isInstanceOf(DisabledException.class);
    assertThatThrownBy(() -> client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)))
        .isInstanceOf(DisabledException.class);

    kms.enableKey(key.arn());
    assertThat(encrypt().keyId()).isEqualTo(key.arn());
  }

  @Test
  void hangMakesTheSdkApiCallTimeoutFireAndCanBeReleased() throws InterruptedException {
    kms.faults().next(1, KmsFault.HANG);

    try (KmsClient impatient = KmsClients.withTimeout(kms, Duration.ofMillis(500))) {
      assertThatThrownBy(
              () ->
                  impatient.encrypt(
                      r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x")).encryptionContext(CONTEXT)))
          .isInstanceOf(ApiCallTimeoutException.class);
    }
    assertThat(kms.hungRequestCount()).isEqualTo(1);
    assertThat(kms.releaseHungRequests()).isEqualTo(1);
    assertThat(kms.hungRequestCount()).isZero();
    assertThat(encrypt().keyId()).isEqualTo(key.arn());
  }

  private EncryptResponse encrypt() {
    return client.encrypt(r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x")).encryptionContext(CONTEXT));
  }
}
