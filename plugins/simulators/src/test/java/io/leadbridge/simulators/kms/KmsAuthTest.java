package io.leadbridge.simulators.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Proves SigV4 verification: good signatures pass, wrong secret/key/region and missing auth are rejected; not thread-safe (each test owns its fake). */
class KmsAuthTest {
  private KmsSimulator kms;
  private SimulatedKmsKey key;

  @BeforeEach
  void start() {
    kms = KmsSimulator.builder().region("eu-central-1").credentials("sim-access-key-test", "sim-secret-test").start();
    key = kms.createKey();
  }

  @AfterEach
  void stop() {
    kms.close();
  }

  @Test
  void correctlySignedRequestsPass() {
    try (KmsClient client = KmsClients.singleAttempt(kms)) {
      assertThat(encrypt(client).keyId()).isEqualTo(key.arn());
    }
    assertThat(kms.requests()).singleElement().satisfies(request -> assertThat(request.signatureValid()).isTrue());
  }

  @Test
  void wrongSecretKeyIsAnInvalidSignature() {
    try (KmsClient client = KmsClients.withSecret(kms, "not-the-secret")) {
      assertThatThrownBy(() -> encrypt(client))
          .isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.statusCode()).isEqualTo(400);
          });
    }
    assertThat(kms.requests()).allSatisfy(request -> assertThat(request.signatureValid()).isFalse());
  }

  @Test
  void unknownAccessKeyIsAnUnrecognizedClient() {
    try (KmsClient client = clientWith("sim-someone-else", kms.secretAccessKey(), kms.region())) {
      assertThatThrownBy(() -> encrypt(client))
          .isInstanceOfSatisfying(
              KmsException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    }
  }

  @Test
  void signatureScopedToAnotherRegionIsRejected() {
    try (KmsClient client = clientWith(kms.accessKeyId(), kms.secretAccessKey(), "us-east-1")) {
      assertThatThrownBy(() -> encrypt(client))
          .isInstanceOfSatisfying(
              KmsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
    }
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(kms.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "TrentService.Encrypt")
            .POST(HttpRequest.BodyPublishers.ofString("{\"KeyId\":\"" + key.arn() + "\",\"Plaintext\":\"aGk=\"}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(kms.requests()).singleElement().satisfies(recorded -> {
      assertThat(recorded.signatureValid()).isFalse();
      assertThat(recorded.signedHeaders()).isEmpty();
    });
  }

  @Test
  void forgedSignatureOnAnOtherwiseValidRequestIsRejected() throws Exception {
    String authorization =
        "AWS4-HMAC-SHA256 Credential=" + kms.accessKeyId() + "/20260101/eu-central-1/kms/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
    HttpRequest request =
        HttpRequest.newBuilder(kms.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "TrentService.Encrypt")
            .header("X-Amz-Date", "20260101T000000Z")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString("{\"KeyId\":\"" + key.arn() + "\",\"Plaintext\":\"aGk=\"}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(response.body()).path("__type").asText()).isEqualTo("InvalidSignatureException");
  }

  private KmsClient clientWith(String accessKeyId, String secretKey, String region) {
    return KmsClient.builder()
        .endpointOverride(kms.endpoint())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)))
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private EncryptResponse encrypt(KmsClient client) {
    return client.encrypt(
        r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("hi")).encryptionContext(Map.of("tenant", "t1")));
  }
}
