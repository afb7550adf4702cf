package io.leadbridge.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.Profile;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.KeyServiceUnavailableException;
import io.leadbridge.credentials.KeysConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local key provider: owner-only key files, tenant binding, and the development-only guard. */
class LocalKeyProviderTest {

  @TempDir Path data;

  @Test
  void createsAnOwnerOnlyKeyFileInAnOwnerOnlyDirectoryOnFirstStart() throws IOException {
    Path keys = data.resolve("keys");
    new LocalKeyProvider(keys, "primary").close();

    assertThat(Files.readAllBytes(keys.resolve("primary.key"))).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("primary.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
  }

  @Test
  void aRestartReusesTheKeySoEarlierWrappedKeysStillUnwrap() {
    UUID tenant = UUID.randomUUID();
    KeyProvider.NewDataKey dataKey;
    try (LocalKeyProvider first = new LocalKeyProvider(data, "primary")) {
      dataKey = first.generateDataKey(tenant);
    }
    try (LocalKeyProvider second = new LocalKeyProvider(data, "primary")) {
      assertThat(second.unwrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
          .isEqualTo(dataKey.plaintext());
    }
  }

  @Test
  void aWrappedKeyMovedToAnotherTenantOrTamperedDoesNotUnwrap() {
    try (LocalKeyProvider provider = new LocalKeyProvider(data, "primary")) {
      KeyProvider.NewDataKey dataKey = provider.generateDataKey(UUID.randomUUID());
      byte[] tampered = dataKey.wrapped().bytes().clone();
      tampered[tampered.length - 1] ^= 1;

      assertThatThrownBy(() -> provider.unwrap(UUID.randomUUID(), dataKey.wrapped().keyId(), dataKey.wrapped().bytes()))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
      assertThatThrownBy(() -> provider.unwrap(UUID.randomUUID(), dataKey.wrapped().keyId(), tampered))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
      assertThatThrownBy(() -> provider.unwrap(UUID.randomUUID(), dataKey.wrapped().keyId(), new byte[3]))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
    }
  }

  @Test
  void rewrappingMovesAKeyToAnotherKekAndCreatesThatKekOnFirstUse() {
    UUID tenant = UUID.randomUUID();
    try (LocalKeyProvider provider = new LocalKeyProvider(data, "primary")) {
      KeyProvider.NewDataKey dataKey = provider.generateDataKey(tenant);
      KeyProvider.WrappedDataKey moved =
          provider.rewrap(tenant, dataKey.wrapped().keyId(), dataKey.wrapped().bytes(), "local:next");

      assertThat(moved.keyId()).isEqualTo("local:next");
      assertThat(Files.exists(data.resolve("next.key"))).isTrue();
      assertThat(provider.unwrap(tenant, "local:next", moved.bytes())).isEqualTo(dataKey.plaintext());
      assertThatThrownBy(() -> provider.unwrap(tenant, "local:primary", moved.bytes()))
          .isExactlyInstanceOf(CredentialDecryptionException.class);
    }
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws IOException {
    new LocalKeyProvider(data, "primary").close();
    Files.setPosixFilePermissions(data.resolve("primary.key"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> new LocalKeyProvider(data, "primary"))
        .isInstanceOf(KeyServiceUnavailableException.class)
        .hasMessageContaining("readable by others");
  }

  @Test
  void aMissingOrDamagedKeyFileFailsClosed() throws IOException {
    try (LocalKeyProvider provider = new LocalKeyProvider(data, "primary")) {
      UUID tenant = UUID.randomUUID();
      byte[] wrapped = provider.generateDataKey(tenant).wrapped().bytes();
      assertThatThrownBy(() -> provider.unwrap(tenant, "local:gone", wrapped))
          .isInstanceOf(KeyServiceUnavailableException.class)
          .hasMessageContaining("does not exist");
    }
    Files.write(data.resolve("short.key"), new byte[7]);
    Files.setPosixFilePermissions(data.resolve("short.key"), PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> new LocalKeyProvider(data, "short"))
        .isInstanceOf(KeyServiceUnavailableException.class)
        .hasMessageContaining("not a 256-bit key file");
  }

  @Test
  void theLocalProviderRefusesToStartOutsideDevelopmentUnlessExplicitlyAllowed() {
    KeysConfiguration config = new KeysConfiguration();
    KmsCallMetrics metrics = new KmsCallMetrics(new MetricRegistry());

    assertThatThrownBy(() -> KeyProviders.create(config, Profile.PRODUCTION, data, metrics))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("meant for development");
    assertThat(Files.exists(data.resolve("keys"))).isFalse();

    KeyProviders.create(config, Profile.DEVELOPMENT, data, metrics).close();
    config.getLocal().setAllowOutsideDevelopment(true);
    KeyProviders.create(config, Profile.PRODUCTION, data, metrics).close();
    assertThat(Files.exists(data.resolve("keys").resolve("primary.key"))).isTrue();
  }
}
