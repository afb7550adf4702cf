package io.leadbridge.credentials.internal;

import io.leadbridge.Profile;
import io.leadbridge.credentials.KeysConfiguration;
import java.nio.file.Path;

/** Builds the configured key provider, refusing the local key file where it does not belong. Stateless. */
public final class KeyProviders {

  private KeyProviders() {}

  public static KeyProvider create(
      KeysConfiguration config, Profile profile, Path dataDirectory, KmsCallMetrics metrics) {
    return switch (config.getProvider()) {
      case AWS_KMS -> new AwsKmsKeyProvider(config.getAwsKms(), metrics);
      case LOCAL -> {
        if (profile != Profile.DEVELOPMENT && !config.getLocal().isAllowOutsideDevelopment()) {
          throw new IllegalStateException(
              "keys.provider local keeps the key-encryption key on this disk and is meant for development;"
                  + " use keys.provider aws-kms, or set profile: development,"
                  + " or set keys.local.allowOutsideDevelopment: true if you accept the risk");
        }
        String directory = config.getLocal().getDirectory();
        Path keyDirectory = directory == null || directory.isBlank() ? dataDirectory.resolve("keys") : Path.of(directory);
        yield new LocalKeyProvider(keyDirectory, config.getLocal().getKeyName());
      }
    };
  }
}
