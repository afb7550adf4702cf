package io.leadbridge.credentials;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import io.leadbridge.Profile;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.credentials.internal.DataKeyCache;
import io.leadbridge.credentials.internal.KeyGenerations;
import io.leadbridge.credentials.internal.KeyProvider;
import io.leadbridge.credentials.internal.KeyProviders;
import io.leadbridge.credentials.internal.KeyServiceHealthCheck;
import io.leadbridge.credentials.internal.KmsCallMetrics;
import io.leadbridge.credentials.internal.TenantKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the credentials module: the key provider the configuration names, the data-key cache (kept
 * in step with key changes on other nodes), the vault and key rotation; closes the provider and
 * wipes the cache on stop. Thread-safe once built.
 */
public final class CredentialsModule implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialsModule.class);

  private final KeyProvider provider;
  private final DataKeyCache cache;
  private final KeyGenerations generations;
  private final CredentialVault vault;
  private final KeyRotation rotation;
  private final long sweepEveryMillis;
  private ScheduledExecutorService sweeper;
  private boolean lookFailing;

  public CredentialsModule(
      KeysConfiguration config,
      Profile profile,
      Path dataDirectory,
      Jdbi jdbi,
      AuditTrail audit,
      MetricRegistry metrics,
      Clock clock) {
    this.provider = KeyProviders.create(config, profile, dataDirectory, new KmsCallMetrics(metrics));
    DataKeyCacheConfiguration cacheConfig = config.getCache();
    this.cache =
        new DataKeyCache(
            cacheConfig.getMaxAge().toJavaDuration(),
            cacheConfig.getMaxUses(),
            cacheConfig.getMaxEntries(),
            metrics,
            System::nanoTime);
    this.generations = new KeyGenerations(jdbi, cache, System::nanoTime);
    TenantKeys keys = new TenantKeys(jdbi, provider, cache, generations, clock);
    this.vault = new CredentialVault(jdbi, keys, cache, audit, clock);
    this.rotation = new KeyRotation(jdbi, provider, keys, cache, audit);
    this.sweepEveryMillis = Math.max(1000, cacheConfig.getMaxAge().toMilliseconds() / 2);
  }

  public CredentialVault vault() {
    return vault;
  }

  public KeyRotation rotation() {
    return rotation;
  }

  /** The canonical id of the KEK new data keys are wrapped under. */
  public String currentKeyId() {
    return provider.currentKeyId();
  }

  /** For the admin port: is the key service usable now. */
  public HealthCheck healthCheck() {
    return new KeyServiceHealthCheck(provider);
  }

  /**
   * Starts wiping expired data keys in the background, so no plaintext key outlives its age, and
   * following key changes recorded by other nodes, so an idle node also drops a shredded tenant's
   * keys within seconds.
   */
  @Override
  public void start() {
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "data-key-cache-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(cache::sweep, sweepEveryMillis, sweepEveryMillis, TimeUnit.MILLISECONDS);
    long lookEvery = KeyGenerations.LOOK_EVERY.toMillis();
    sweeper.scheduleWithFixedDelay(this::followKeyChanges, lookEvery, lookEvery, TimeUnit.MILLISECONDS);
  }

  /** One look on the timer's thread; a failure must not end the timer, and is logged once per run. */
  private void followKeyChanges() {
    try {
      generations.catchUp();
      if (lookFailing) {
        lookFailing = false;
        LOG.info("data-key cache: key generations readable again");
      }
    } catch (RuntimeException e) {
      if (!lookFailing) {
        lookFailing = true;
        // The type only: a driver's message may quote a statement's values.
        LOG.warn("data-key cache: cannot read key generations ({}); opens fail until it can",
            e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    close();
  }

  /** Wipes the cache and closes the key provider (for commands, which have no lifecycle). */
  public void close() {
    cache.clear();
    provider.close();
  }
}
