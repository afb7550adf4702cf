package io.leadbridge.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The {@code keys.awsKms} section: the KMS key that wraps data keys, and how long a call may take
 * before the vault fails closed. Not thread-safe (built once, then read).
 *
 * <p>AWS credentials come from the SDK's default chain (environment, profile, instance role)
 * unless {@code accessKeyId} and {@code secretAccessKey} are both given.
 */
public class AwsKmsConfiguration {

  @NotBlank private String region;

  /** A key id, key ARN, alias name ({@code alias/...}) or alias ARN. */
  @NotBlank private String keyId;

  /** For a VPC endpoint or a KMS-compatible server; empty means the region's public endpoint. */
  private URI endpoint;

  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
  private Duration connectTimeout = Duration.seconds(2);

  /** One HTTP attempt, including reading the answer. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
  private Duration attemptTimeout = Duration.seconds(3);

  /** The whole call, all retries included: how long a caller waits before the vault fails closed. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 120, unit = TimeUnit.SECONDS)
  private Duration callTimeout = Duration.seconds(5);

  @Min(0)
  @Max(10)
  private int maxRetries = 2;

  private String accessKeyId;

  private SecretValue secretAccessKey;

  @JsonProperty
  public String getRegion() {
    return region;
  }

  @JsonProperty
  public void setRegion(String region) {
    this.region = region;
  }

  @JsonProperty
  public String getKeyId() {
    return keyId;
  }

  @JsonProperty
  public void setKeyId(String keyId) {
    this.keyId = keyId;
  }

  @JsonProperty
  public URI getEndpoint() {
    return endpoint;
  }

  @JsonProperty
  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @JsonProperty
  public Duration getAttemptTimeout() {
    return attemptTimeout;
  }

  @JsonProperty
  public void setAttemptTimeout(Duration attemptTimeout) {
    this.attemptTimeout = attemptTimeout;
  }

  @JsonProperty
  public Duration getCallTimeout() {
    return callTimeout;
  }

  @JsonProperty
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  @JsonProperty
  public int getMaxRetries() {
    return maxRetries;
  }

  @JsonProperty
  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  @JsonProperty
  public String getAccessKeyId() {
    return accessKeyId;
  }

  @JsonProperty
  public void setAccessKeyId(String accessKeyId) {
    this.accessKeyId = accessKeyId;
  }

  /** Write-only: never serialized (a {@link SecretValue} refuses it). */
  public SecretValue secretAccessKey() {
    return secretAccessKey;
  }

  @JsonProperty
  public void setSecretAccessKey(SecretValue secretAccessKey) {
    this.secretAccessKey = secretAccessKey;
  }

  @ValidationMethod(message = "accessKeyId and secretAccessKey go together: give both or neither")
  public boolean isStaticCredentialsComplete() {
    return (accessKeyId == null) == (secretAccessKey == null);
  }
}
