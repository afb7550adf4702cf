package io.leadbridge.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code keys} section: which key provider wraps the tenants' data keys, and how long an
 * unwrapped data key may be reused. Not thread-safe (built once, then read).
 */
public class KeysConfiguration {

  /** The key service behind the vault. */
  public enum Provider {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("aws-kms")
    AWS_KMS
  }

  @NotNull private Provider provider = Provider.LOCAL;

  @Valid @NotNull private LocalKeysConfiguration local = new LocalKeysConfiguration();

  @Valid private AwsKmsConfiguration awsKms;

  @Valid @NotNull private DataKeyCacheConfiguration cache = new DataKeyCacheConfiguration();

  @JsonProperty
  public Provider getProvider() {
    return provider;
  }

  @JsonProperty
  public void setProvider(Provider provider) {
    this.provider = provider;
  }

  @JsonProperty
  public LocalKeysConfiguration getLocal() {
    return local;
  }

  @JsonProperty
  public void setLocal(LocalKeysConfiguration local) {
    this.local = local;
  }

  @JsonProperty
  public AwsKmsConfiguration getAwsKms() {
    return awsKms;
  }

  @JsonProperty
  public void setAwsKms(AwsKmsConfiguration awsKms) {
    this.awsKms = awsKms;
  }

  @JsonProperty
  public DataKeyCacheConfiguration getCache() {
    return cache;
  }

  @JsonProperty
  public void setCache(DataKeyCacheConfiguration cache) {
    this.cache = cache;
  }

  @ValidationMethod(message = "keys.awsKms is required when keys.provider is aws-kms")
  public boolean isAwsKmsConfiguredWhenChosen() {
    return provider != Provider.AWS_KMS || awsKms != null;
  }
}
