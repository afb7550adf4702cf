package io.leadbridge.simulators.kms;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/** Builds real AWS SDK v2 KmsClients pointed at the fake, the way the hub's aws-kms provider does. Stateless. */
final class KmsClients {
  private KmsClients() {}

  /** The SDK's default retry behaviour. */
  static KmsClient retrying(KmsSimulator kms) {
    return base(kms, kms.secretAccessKey()).build();
  }

  /** One attempt per call, so each injected fault surfaces unretried. */
  static KmsClient singleAttempt(KmsSimulator kms) {
    return withSecret(kms, kms.secretAccessKey());
  }

  static KmsClient withSecret(KmsSimulator kms, String secretKey) {
    return base(kms, secretKey)
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static KmsClient withTimeout(KmsSimulator kms, Duration apiCallTimeout) {
    return base(kms, kms.secretAccessKey())
        .overrideConfiguration(
            config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(apiCallTimeout))
        .build();
  }

  static KmsClientBuilder base(KmsSimulator kms, String secretKey) {
    return KmsClient.builder()
        .endpointOverride(kms.endpoint())
        .region(Region.of(kms.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(kms.accessKeyId(), secretKey)));
  }
}
