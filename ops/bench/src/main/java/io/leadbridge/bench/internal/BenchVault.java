package io.leadbridge.bench.internal;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import io.leadbridge.Profile;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.AwsKmsConfiguration;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.credentials.DataKeyCacheConfiguration;
import io.leadbridge.credentials.KeysConfiguration;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.simulators.kms.KmsSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A credentials module on a fresh in-memory database, wired as the server wires it, with the
 * local key file or with aws-kms against an in-process KMS fake; each {@link #module} call is one
 * process start (an empty data-key cache) over the same database and key material. Thread-safe.
 */
public final class BenchVault implements AutoCloseable {

  private final BenchDatabase database;
  private final KeysConfiguration keys;
  private final Profile profile;
  private final Path dataDirectory;
  private final AuditTrail audit;

  private BenchVault(KeysConfiguration keys, Profile profile) {
    this.database = BenchDatabase.freshH2();
    this.keys = keys;
    this.profile = profile;
    this.dataDirectory = temporaryDirectory();
    this.audit = new AuditTrail(database.jdbi(), Clock.systemUTC());
  }

  /** The embedded default: a key file under a temporary data directory. */
  public static BenchVault local(DataKeyCacheConfiguration cache) {
    KeysConfiguration keys = new KeysConfiguration();
    keys.setProvider(KeysConfiguration.Provider.LOCAL);
    keys.setCache(cache);
    return new BenchVault(keys, Profile.DEVELOPMENT);
  }

  /** aws-kms through the real SDK, against {@code kms} and a new key there. */
  public static BenchVault awsKms(KmsSimulator kms, DataKeyCacheConfiguration cache) {
    AwsKmsConfiguration awsKms = new AwsKmsConfiguration();
    awsKms.setRegion(kms.region());
    awsKms.setKeyId(kms.createKey().arn());
    awsKms.setEndpoint(kms.endpoint());
    awsKms.setAccessKeyId(kms.accessKeyId());
    awsKms.setSecretAccessKey(SecretValue.of(kms.secretAccessKey()));
    awsKms.setCallTimeout(Duration.seconds(10));
    KeysConfiguration keys = new KeysConfiguration();
    keys.setProvider(KeysConfiguration.Provider.AWS_KMS);
    keys.setAwsKms(awsKms);
    keys.setCache(cache);
    return new BenchVault(keys, Profile.PRODUCTION);
  }

  /** A cache configuration with the production defaults except {@code maxUses}. */
  public static DataKeyCacheConfiguration cacheWithMaxUses(long maxUses) {
    DataKeyCacheConfiguration cache = new DataKeyCacheConfiguration();
    cache.setMaxUses(maxUses);
    return cache;
  }

  /** A new module, as after a restart: its data-key cache is empty; the caller closes it. */
  public CredentialsModule module(MetricRegistry metrics) {
    return new CredentialsModule(keys, profile, dataDirectory, database.jdbi(), audit, metrics, Clock.systemUTC());
  }

  public BenchDatabase database() {
    return database;
  }

  public AuditTrail audit() {
    return audit;
  }

  @Override
  public void close() {
    database.close();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("leadbridge-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
